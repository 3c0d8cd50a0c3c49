namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>One security group rule as EC2 stores it: one protocol/port range and ONE peer (a CIDR or a group).</summary>
/// <param name="RuleId">sgr- id.</param>
/// <param name="Protocol">tcp, udp, icmp, or -1 (all), lowercase.</param>
/// <param name="FromPort">Null for protocol -1.</param>
/// <param name="ToPort">Null for protocol -1.</param>
/// <param name="CidrIp">IPv4 peer, or null.</param>
/// <param name="SourceGroupId">Group peer, or null.</param>
/// <param name="Description">Rule description.</param>
public sealed record Ec2Rule(string RuleId, string Protocol, int? FromPort, int? ToPort, string? CidrIp, string? SourceGroupId, string? Description)
{
    /// <summary>True when both rules allow the same traffic from the same peer (descriptions do not count).</summary>
    public bool SameAs(Ec2Rule other) =>
        Protocol == other.Protocol && FromPort == other.FromPort && ToPort == other.ToPort
        && CidrIp == other.CidrIp && SourceGroupId == other.SourceGroupId;
}
