using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>One release of a strategy: its version and its moments on the load's timeline (real time).</summary>
internal sealed class ReleaseRecord(string version, LoadTimeline timeline)
{
    private TimeSpan? doubleCapacityFrom;

    public string Version { get; } = version;

    public TimeSpan Started { get; } = timeline.Mark($"release {version}");

    /// <summary>When traffic was handed to the new version; null until then.</summary>
    public TimeSpan? Cutover { get; private set; }

    public TimeSpan? Finished { get; private set; }

    /// <summary>How long two full environments ran (real time).</summary>
    public TimeSpan DoubleCapacity { get; private set; }

    public void MarkCutover() => Cutover = timeline.Mark($"cutover {Version}");

    public void BeginDoubleCapacity() => doubleCapacityFrom = timeline.Now;

    public void EndDoubleCapacity()
    {
        if (doubleCapacityFrom is { } from)
        {
            DoubleCapacity += timeline.Now - from;
            doubleCapacityFrom = null;
        }
    }

    public void MarkFinished()
    {
        EndDoubleCapacity();
        Finished = timeline.Mark($"finished {Version}");
    }
}
