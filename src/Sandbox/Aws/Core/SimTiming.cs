namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Scales realistic AWS durations (an EB environment launching in ~5 minutes, RDS creating in ~10) so that the
/// sandbox runs them in seconds. Scale 1 = real time, 0.01 = a hundred times faster, 0 = instant (unit tests).
/// All simulated lifecycles take their durations through this one object so one knob changes them all.
/// </summary>
public sealed class SimTiming(double scale)
{
    /// <summary>The factor applied to every realistic duration.</summary>
    public double Scale { get; } = scale >= 0 ? scale : throw new ArgumentOutOfRangeException(nameof(scale), "must be >= 0");

    /// <summary>Instant: every lifecycle completes on the next describe.</summary>
    public static SimTiming Instant { get; } = new(0);

    /// <summary>The sandbox default: an environment launches in a few seconds.</summary>
    public static SimTiming Sandbox { get; } = new(0.01);

    /// <summary>Returns the scaled duration of a realistic one.</summary>
    public TimeSpan Of(TimeSpan realistic) => TimeSpan.FromTicks((long)(realistic.Ticks * Scale));
}
