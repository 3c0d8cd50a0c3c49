namespace Ebops.Operator.Runtime.Events;

/// <summary>Identity, aggregation and rate limit of the <see cref="EventRecorder"/>.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>events.k8s.io reportingController.</summary>
    public string ReportingController { get; init; } = "ebops";

    /// <summary>events.k8s.io reportingInstance: the pod name.</summary>
    public string ReportingInstance { get; init; } = Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName;

    /// <summary>A repeat within this time of the last occurrence updates the existing Event's series instead of creating one.</summary>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Writes allowed per object in a burst (client-go's spam filter uses 25).</summary>
    public int Burst { get; init; } = 25;

    /// <summary>One more write is allowed per object after this much time (client-go: one per 5 minutes).</summary>
    public TimeSpan RefillEvery { get; init; } = TimeSpan.FromMinutes(5);
}
