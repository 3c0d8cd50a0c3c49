using System.Globalization;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>The test process's memory at one moment: resident set (VmRSS) and the managed heap after a full,
/// compacting collection.</summary>
internal sealed record SoakMemory(string When, double RssMb, double HeapMb)
{
    public static SoakMemory Now(string when)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rss = line is null ? double.NaN : double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return new SoakMemory(when, rss, heap);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{When}: RSS {RssMb:F0} MB, managed heap after full GC {HeapMb:F1} MB");
}
