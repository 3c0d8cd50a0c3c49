namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// One peer of an <c>IpPermissions.N</c> entry (or the legacy top-level CidrIp form) as sent: exactly one of
/// <see cref="CidrIp"/> and <see cref="SourceGroupId"/> is set.
/// </summary>
internal sealed record Ec2PermissionInput(string? Protocol, int? FromPort, int? ToPort, string? CidrIp, string? SourceGroupId, string? Description);
