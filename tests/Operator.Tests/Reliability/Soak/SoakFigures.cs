using System.Globalization;
using System.Text;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>What the soak counted: releases by cut-over method and end, requests and failed requests through each
/// method's frontends, faults injected, AWS calls, the memory samples (start, middle, end) and what the emulator and the
/// simulator hold at the end.</summary>
internal sealed class SoakFigures(SoakSettings settings)
{
    private readonly Dictionary<(CutoverMethod, ReleasePhase), int> releases = [];
    private readonly Dictionary<CutoverMethod, (long Requests, long Failed)> load = [];
    private readonly Dictionary<string, int> faults = new(StringComparer.Ordinal);

    public List<SoakMemory> Memory { get; } = [];

    /// <summary>What the emulator and the simulator hold at the end.</summary>
    public SoakRetention? Retention { get; set; }

    public long AwsCalls { get; set; }

    public long FaultedCalls { get; set; }

    public TimeSpan Simulated { get; set; }

    public TimeSpan Real { get; set; }

    public int Releases => releases.Values.Sum();

    public long Failed(CutoverMethod method) => load.GetValueOrDefault(method).Failed;

    public void Release(CutoverMethod method, ReleasePhase phase) => releases[(method, phase)] = releases.GetValueOrDefault((method, phase)) + 1;

    public void Load(CutoverMethod method, long requests, long failed)
    {
        var (r, f) = load.GetValueOrDefault(method);
        load[method] = (r + requests, f + failed);
    }

    public void Fault(string kind) => faults[kind] = faults.GetValueOrDefault(kind) + 1;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"soak: seed {settings.Seed} (EBOPS_SOAK_SEED replays it), {settings.Apps} apps × {settings.Releases} releases after the first, {settings.LoadClients} load clients per application");
        text.AppendLine(CultureInfo.InvariantCulture, $"releases: {Releases} ({string.Join(", ", releases.OrderBy(r => r.Key).Select(r => $"{r.Key.Item1} {r.Key.Item2} {r.Value}"))})");
        foreach (var method in Enum.GetValues<CutoverMethod>())
        {
            var (requests, failed) = load.GetValueOrDefault(method);
            text.AppendLine(CultureInfo.InvariantCulture, $"requests through {method}'s {(method == CutoverMethod.CnameSwap ? "production CNAMEs" : "NLBs")}: {requests:N0}, {failed:N0} failed");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"faults injected: {string.Join(", ", faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"))}; AWS calls {AwsCalls:N0}, {FaultedCalls:N0} answered by a fault");
        text.AppendLine(CultureInfo.InvariantCulture, $"simulated {Simulated.TotalHours:F1} h in {Real.TotalMinutes:F1} min real");
        foreach (var sample in Memory)
        {
            text.AppendLine(sample.ToString());
        }

        if (Retention is not null)
        {
            text.AppendLine(Retention.ToString());
        }

        return text.ToString();
    }
}
