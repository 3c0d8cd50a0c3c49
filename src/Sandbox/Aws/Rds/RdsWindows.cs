using System.Globalization;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The weekly maintenance window (<c>ddd:hh24:mi-ddd:hh24:mi</c>, UTC) and the daily backup window
/// (<c>hh24:mi-hh24:mi</c>, UTC): each at least 30 minutes, and they must not overlap (API reference, CreateDBInstance).
/// </summary>
internal static partial class RdsWindows
{
    private const int Day = 24 * 60;
    private const int Week = 7 * Day;
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Throws InvalidParameterValue when either window is malformed, shorter than 30 minutes, or they overlap.</summary>
    public static void Check(string maintenance, string backup)
    {
        var (ms, me) = Maintenance(maintenance);
        var (bs, be) = Backup(backup);
        for (var day = -1; day <= 7; day++)
        {
            var start = day * Day + bs;
            var end = day * Day + be;
            if (start < me && ms < end)
            {
                throw SimErrors.Invalid("The backup window and maintenance window must not overlap.");
            }
        }
    }

    /// <summary>Minutes of the week (Monday 00:00 = 0) where the window starts and ends (end after start).</summary>
    private static (int Start, int End) Maintenance(string window)
    {
        var match = MaintenancePattern().Match(window);
        var start = match.Success ? Minute(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value) : null;
        var end = match.Success ? Minute(match.Groups[4].Value, match.Groups[5].Value, match.Groups[6].Value) : null;
        if (start is not { } s || end is not { } e)
        {
            throw SimErrors.Invalid($"Invalid value {window} for PreferredMaintenanceWindow: the format is ddd:hh24:mi-ddd:hh24:mi (UTC).");
        }

        return Long(window, "PreferredMaintenanceWindow", s, e < s ? e + Week : e);
    }

    private static (int Start, int End) Backup(string window)
    {
        var match = BackupPattern().Match(window);
        var start = match.Success ? Minute("mon", match.Groups[1].Value, match.Groups[2].Value) : null;
        var end = match.Success ? Minute("mon", match.Groups[3].Value, match.Groups[4].Value) : null;
        if (start is not { } s || end is not { } e)
        {
            throw SimErrors.Invalid($"Invalid value {window} for PreferredBackupWindow: the format is hh24:mi-hh24:mi (UTC).");
        }

        return Long(window, "PreferredBackupWindow", s, e < s ? e + Day : e);
    }

    private static (int Start, int End) Long(string window, string parameter, int start, int end) =>
        end - start >= 30
            ? (start, end)
            : throw SimErrors.Invalid($"Invalid value {window} for {parameter}: the window must be at least 30 minutes.");

    private static int? Minute(string day, string hour, string minute)
    {
        var d = Array.IndexOf(Days, day.ToLowerInvariant());
        var h = int.Parse(hour, CultureInfo.InvariantCulture);
        var m = int.Parse(minute, CultureInfo.InvariantCulture);
        return d < 0 || h > 23 || m > 59 ? null : d * Day + h * 60 + m;
    }

    [GeneratedRegex(@"^([A-Za-z]{3}):(\d{2}):(\d{2})-([A-Za-z]{3}):(\d{2}):(\d{2})$")]
    private static partial Regex MaintenancePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")]
    private static partial Regex BackupPattern();
}
