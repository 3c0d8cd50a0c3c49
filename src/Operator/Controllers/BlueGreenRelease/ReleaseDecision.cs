namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// What the planner decided: at most one AWS action, when to look again, events to record, or a stall. The status
/// changes are made on the status object the planner was given.
/// </summary>
public sealed record ReleaseDecision(ReleaseAction? Action, TimeSpan? RequeueAfter, IReadOnlyList<ReleaseEvent> Events, ReleaseStall? Stall)
{
    public bool IsIdle => Action is null && Stall is null;
}
