namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>How soon the release looks again: while AWS is busy, while waiting for another object, and when idle.</summary>
public sealed record ReleaseTimings(TimeSpan Busy, TimeSpan Dependency, TimeSpan Poll)
{
    public static ReleaseTimings From(ControllerSettings settings, TimeSpan poll) =>
        new(settings.BusyRequeue, settings.DependencyRequeue, poll);
}
