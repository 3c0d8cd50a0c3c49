using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// Every setting of a target group after AWS's defaults are applied: what a CreateTargetGroup call asks for, and what
/// decides whether a second call with the same name is the same target group (idempotent) or a duplicate.
/// </summary>
internal sealed record ResolvedTargetGroup(
    string Name,
    string TargetType,
    string Protocol,
    string? ProtocolVersion,
    int Port,
    string VpcId,
    string IpAddressType,
    string HealthCheckProtocol,
    string HealthCheckPort,
    string HealthCheckPath,
    bool HealthCheckEnabled,
    int HealthCheckIntervalSeconds,
    int HealthCheckTimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string? Matcher)
{
    public static ResolvedTargetGroup Of(TargetGroup group) => new(
        group.Name, group.TargetType, group.Protocol, group.ProtocolVersion, group.Port, group.VpcId, group.IpAddressType,
        group.HealthCheckProtocol, group.HealthCheckPort, group.HealthCheckPath, group.HealthCheckEnabled,
        group.HealthCheckIntervalSeconds, group.HealthCheckTimeoutSeconds, group.HealthyThresholdCount, group.UnhealthyThresholdCount,
        group.Matcher);

    public HealthCheckSettings Settings(SimTiming timing) => TargetGroupHealthCheck.Settings(timing,
        HealthCheckProtocol, HealthCheckPath, HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds, HealthyThresholdCount, UnhealthyThresholdCount, Matcher);

    public TargetGroup ToGroup(string arn, TargetGroupRuntime runtime) => new()
    {
        Arn = arn,
        Name = Name,
        TargetType = TargetType,
        Protocol = Protocol,
        ProtocolVersion = ProtocolVersion,
        Port = Port,
        VpcId = VpcId,
        IpAddressType = IpAddressType,
        HealthCheckProtocol = HealthCheckProtocol,
        HealthCheckPort = HealthCheckPort,
        HealthCheckPath = HealthCheckPath,
        HealthCheckEnabled = HealthCheckEnabled,
        HealthCheckIntervalSeconds = HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds = HealthCheckTimeoutSeconds,
        HealthyThresholdCount = HealthyThresholdCount,
        UnhealthyThresholdCount = UnhealthyThresholdCount,
        Matcher = Matcher,
        Runtime = runtime,
    };
}
