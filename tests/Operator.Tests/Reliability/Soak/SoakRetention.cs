using System.Globalization;
using Ebops.Operator.Tests.Controllers.Support.Release;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Kube.Storage;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// What the emulator and the simulator still hold after the soak, against their bounds: the emulator's watch windows
/// (each type at most its capacity, which is at most kube-apiserver's upper bound), the simulator's terminated
/// environments (none terminated more than an hour ago, give or take one health-monitor round) and metric samples
/// (none for a terminated environment, at most 6 for a live one).
/// </summary>
internal sealed record SoakRetention(
    long EventsWritten,
    int EventsRetained,
    IReadOnlyDictionary<string, (int Count, int Capacity)> Windows,
    int Environments,
    int TerminatedEnvironments,
    DateTimeOffset? OldestTermination,
    int MetricSamples,
    int MaxSamplesOfLive,
    int SamplesOfTerminated,
    int EbEvents,
    int Creations,
    DateTimeOffset Now)
{
    private static readonly TimeSpan MonitorSlack = TimeSpan.FromMinutes(1);

    public static SoakRetention Measure(ReleaseWorld world)
    {
        var (written, retained) = world.Kube.Store.EventCounts;
        var stores = ElasticBeanstalkState.For(world.Sim).Stores;
        var now = world.Clock.GetUtcNow();
        var environments = stores.Environments.All();
        var (terminated, oldest) = stores.Environments.Terminated(now);
        var live = environments.Where(e => !e.IsTerminatingOrTerminated).ToList();
        return new SoakRetention(
            written,
            retained,
            world.Kube.Store.Windows,
            environments.Count,
            terminated,
            oldest,
            environments.Sum(e => e.MetricSamples.Count),
            live.Count == 0 ? 0 : live.Max(e => e.MetricSamples.Count),
            environments.Where(e => e.IsTerminatingOrTerminated).Sum(e => e.MetricSamples.Count),
            stores.Events.Count,
            world.Sim.Faults.RememberedCreations,
            now);
    }

    public void Check(string what)
    {
        Assert.All(Windows, w => Assert.True(w.Value.Count <= w.Value.Capacity && w.Value.Capacity <= WatchWindow.DefaultUpperBound,
            $"{what}: the watch window of {w.Key} holds {w.Value.Count} events with capacity {w.Value.Capacity}"));
        Assert.True(OldestTermination is null || OldestTermination >= Now - EbConstants.TerminatedRetention - MonitorSlack,
            $"{what}: the simulator still holds an environment terminated at {OldestTermination:O}, now {Now:O}");
        Assert.True(SamplesOfTerminated == 0, $"{what}: terminated environments hold {SamplesOfTerminated} metric samples");
        Assert.InRange(MaxSamplesOfLive, 0, 6);
    }

    public override string ToString()
    {
        var windows = string.Join(", ", Windows.OrderByDescending(w => w.Value.Count).Take(4).Select(w => $"{w.Key} {w.Value.Count}/{w.Value.Capacity}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"retained: emulator {EventsRetained:N0} of {EventsWritten:N0} watch events (largest windows, held/capacity: {windows}); simulator {Environments} environments ({TerminatedEnvironments} terminated, oldest termination {OldestTermination:dd HH:mm:ss}, now {Now:dd HH:mm:ss}), {MetricSamples} metric samples, {EbEvents:N0} EB events, {Creations} creations remembered");
    }
}
