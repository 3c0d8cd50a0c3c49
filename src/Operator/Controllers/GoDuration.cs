using System.Globalization;
using System.Text.RegularExpressions;

namespace Ebops.Operator.Controllers;

/// <summary>Go's duration syntax as annotations use it: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Syntax().Match(value);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var number = NumberPrefix().Match(part.Value).Value;
            var amount = double.Parse(number, CultureInfo.InvariantCulture);
            duration += part.Value[number.Length..] switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }

        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|h|m|s))+$")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?")]
    private static partial Regex NumberPrefix();
}
