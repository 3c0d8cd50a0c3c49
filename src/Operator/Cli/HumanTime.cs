using System.Globalization;

namespace Ebops.Operator.Cli;

/// <summary>Times and durations as kubectl prints them: UTC stamps and short spans (45s, 5m30s, 3h12m, 2d4h).</summary>
internal static class HumanTime
{
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-03-01 12:00:00Z (5m ago)" or "(in 5m)" for a time ahead.</summary>
    public static string StampAndAge(DateTimeOffset at, DateTimeOffset now) =>
        $"{Stamp(at)} ({(at <= now ? Span(now - at) + " ago" : "in " + Span(at - now))})";

    public static string Ago(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? (t <= now ? Span(now - t) + " ago" : "in " + Span(t - now)) : "-";

    public static string Span(TimeSpan span)
    {
        var s = (long)Math.Max(0, Math.Floor(span.TotalSeconds));
        return s switch
        {
            < 120 => $"{s}s",
            < 600 => s % 60 == 0 ? $"{s / 60}m" : $"{s / 60}m{s % 60}s",
            < 3 * 3600 => $"{s / 60}m",
            < 48 * 3600 => s / 60 % 60 == 0 ? $"{s / 3600}h" : $"{s / 3600}h{s / 60 % 60}m",
            _ => s / 3600 % 24 == 0 ? $"{s / 86400}d" : $"{s / 86400}d{s / 3600 % 24}h",
        };
    }
}
