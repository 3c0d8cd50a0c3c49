using System.Globalization;

namespace Ebops.Bench.Release.Fleet;

/// <summary>AWS calls by service and operation (and how many were throttled), largest first, as printed lines.</summary>
internal static class CallTable
{
    public static void Write(TextWriter output, string title, IReadOnlyDictionary<AwsCallKey, long> calls, double per, string perLabel, int top = 30)
    {
        output.WriteLine(title);
        var rows = calls.GroupBy(c => (c.Key.Service, c.Key.Operation))
            .Select(g => (g.Key.Service, g.Key.Operation, Total: g.Sum(c => c.Value), Throttled: g.Where(c => AwsCallCounter.IsThrottled(c.Key)).Sum(c => c.Value)))
            .OrderByDescending(r => r.Total)
            .ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"service",-22} {"operation",-36} {"calls",9} {"throttled",9} {perLabel,12}"));
        foreach (var row in rows.Take(top))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.Service,-22} {row.Operation,-36} {row.Total,9:N0} {row.Throttled,9:N0} {row.Total / per,12:F3}"));
        }

        if (rows.Count > top)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {rows.Count - top} more operations, {rows.Skip(top).Sum(r => r.Total):N0} calls"));
        }

        foreach (var service in rows.GroupBy(r => r.Service).OrderByDescending(g => g.Sum(r => r.Total)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {service.Key,-22} {"(all)",-36} {service.Sum(r => r.Total),9:N0} {service.Sum(r => r.Throttled),9:N0} {service.Sum(r => r.Total) / per,12:F3}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-22} {"",-36} {rows.Sum(r => r.Total),9:N0} {rows.Sum(r => r.Throttled),9:N0} {rows.Sum(r => r.Total) / per,12:F3}"));
    }
}
