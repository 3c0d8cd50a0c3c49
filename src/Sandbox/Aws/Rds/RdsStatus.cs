namespace Ebops.Sandbox.Aws.Rds;

/// <summary>RDS status strings.</summary>
internal static class RdsStatus
{
    public const string Creating = "creating";
    public const string BackingUp = "backing-up";
    public const string Available = "available";
    public const string Modifying = "modifying";
    public const string Rebooting = "rebooting";
    public const string Deleting = "deleting";

    public const string InSync = "in-sync";
    public const string Applying = "applying";
    public const string PendingReboot = "pending-reboot";

    public const string Immediate = "immediate";
    public const string Dynamic = "dynamic";
    public const string Static = "static";
}
