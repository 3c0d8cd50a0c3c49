using System.Globalization;

namespace Ebops.Sandbox.Kube.Tables;

/// <summary>Kubernetes' short human duration (apimachinery <c>duration.HumanDuration</c>): 45s, 3m20s, 25m, 5h3m, 3d4h, 2y.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)Math.Floor(d.TotalSeconds);
        if (seconds < -1)
        {
            return "<invalid>";
        }
        if (seconds < 0)
        {
            return "0s";
        }
        if (seconds < 60 * 2)
        {
            return I($"{seconds}s");
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? I($"{minutes}m") : I($"{minutes}m{s}s");
        }
        if (minutes < 60 * 3)
        {
            return I($"{minutes}m");
        }
        var hours = minutes / 60;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? I($"{hours}h") : I($"{hours}h{m}m");
        }
        if (hours < 48)
        {
            return I($"{hours}h");
        }
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? I($"{hours / 24}d") : I($"{hours / 24}d{h}h");
        }
        if (hours < 24 * 365 * 2)
        {
            return I($"{hours / 24}d");
        }
        if (hours < 24 * 365 * 8)
        {
            var dy = hours / 24 % 365;
            return dy == 0 ? I($"{hours / 24 / 365}y") : I($"{hours / 24 / 365}y{dy}d");
        }
        return I($"{hours / 24 / 365}y");
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
