namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>A reboot decision; <paramref name="Wait"/> is how long until the maintenance window opens.</summary>
public sealed record RebootDecision(RebootAction Action, TimeSpan? Wait = null)
{
    public static RebootDecision None { get; } = new(RebootAction.None);
}
