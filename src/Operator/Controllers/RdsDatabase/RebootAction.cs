namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>What to do about a parameter group waiting for a reboot.</summary>
public enum RebootAction
{
    /// <summary>Nothing is pending (or the instance is not available: never reboot it then).</summary>
    None,

    /// <summary>Reboot now.</summary>
    RebootNow,

    /// <summary>Wait for the maintenance window (requeue for its start).</summary>
    WaitForWindow,

    /// <summary>rebootPolicy Manual: report pending-reboot and never reboot.</summary>
    ReportOnly,
}
