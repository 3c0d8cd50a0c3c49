namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Realistic durations of the RDS lifecycles (scaled by <see cref="Core.SimTiming"/>).</summary>
internal static class RdsDurations
{
    public static readonly TimeSpan Creating = TimeSpan.FromMinutes(8);
    public static readonly TimeSpan BackingUp = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Modifying = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Rebooting = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Deleting = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan Snapshot = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Applying = TimeSpan.FromSeconds(30);
}
