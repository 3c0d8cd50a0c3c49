namespace Ebops.Sandbox.Load;

/// <summary>The x axis of a <see cref="LoadChart"/>: its label and where a timeline time (real time) lands on it.</summary>
public sealed record LoadChartAxis(string Label, Func<TimeSpan, double> Position)
{
    /// <summary>Real seconds since the timeline began.</summary>
    public static LoadChartAxis Seconds { get; } = new("seconds", t => t.TotalSeconds);

    /// <summary>Simulated minutes, for a simulator running <paramref name="timeScale"/> times real time (0.01: 100x faster).</summary>
    public static LoadChartAxis SimulatedMinutes(double timeScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        return new("simulated minutes", t => t.TotalMinutes / timeScale);
    }
}
