namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>The expected outcome of a reconcile: done, or look again after a delay (for example while AWS is busy).</summary>
public sealed record ReconcileResult(TimeSpan? Delay, string? Reason)
{
    /// <summary>Nothing more to do until something changes (or the periodic resync).</summary>
    public static ReconcileResult Done { get; } = new(null, null);

    public bool IsDone => Delay is null;

    /// <summary>Reconcile again after <paramref name="delay"/> (the earliest pending request wins); <paramref name="reason"/> is logged.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay, string reason) => new(delay, reason);
}
