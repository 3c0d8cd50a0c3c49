using System.Globalization;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// An RDS weekly window in UTC, written <c>ddd:hh24:mi-ddd:hh24:mi</c> (e.g. <c>sun:18:00-sun:18:30</c>; it may wrap
/// the week, <c>sat:23:30-sun:00:30</c>), as PreferredMaintenanceWindow holds it.
/// </summary>
public sealed record MaintenanceWindow(TimeSpan StartOfWeek, TimeSpan EndOfWeek)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Parses <paramref name="text"/>; null when it is not in RDS's format.</summary>
    public static MaintenanceWindow? TryParse(string? text)
    {
        var parts = text?.Trim().ToLowerInvariant().Split('-');
        return parts is [var start, var end] && Point(start) is { } from && Point(end) is { } to && from != to
            ? new MaintenanceWindow(from, to)
            : null;
    }

    /// <summary>True when <paramref name="now"/> lies inside the window (start inclusive, end exclusive).</summary>
    public bool Contains(DateTimeOffset now)
    {
        var point = OfWeek(now);
        return StartOfWeek < EndOfWeek
            ? point >= StartOfWeek && point < EndOfWeek
            : point >= StartOfWeek || point < EndOfWeek;
    }

    /// <summary>How long until the window next opens (zero while it is open).</summary>
    public TimeSpan UntilOpen(DateTimeOffset now)
    {
        if (Contains(now))
        {
            return TimeSpan.Zero;
        }

        var wait = StartOfWeek - OfWeek(now);
        return wait > TimeSpan.Zero ? wait : wait + Week;
    }

    public override string ToString() => $"{Format(StartOfWeek)}-{Format(EndOfWeek)}";

    private static TimeSpan OfWeek(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return TimeSpan.FromDays((int)utc.DayOfWeek) + utc.TimeOfDay;
    }

    private static TimeSpan? Point(string text)
    {
        var fields = text.Split(':');
        var day = fields.Length == 3 ? Array.IndexOf(Days, fields[0]) : -1;
        if (day < 0
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23 || fields[1].Length != 2
            || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59 || fields[2].Length != 2)
        {
            return null;
        }

        return new TimeSpan(day, hour, minute, 0);
    }

    private static string Format(TimeSpan point) =>
        string.Create(CultureInfo.InvariantCulture, $"{Days[point.Days]}:{point.Hours:00}:{point.Minutes:00}");
}
