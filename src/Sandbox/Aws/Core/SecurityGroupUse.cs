namespace Ebops.Sandbox.Aws.Core;

/// <summary>A security group in use by something (an RDS instance, a load balancer's network interface), which makes
/// EC2 refuse to delete it with DependencyViolation.</summary>
public sealed record SecurityGroupUse(string GroupId, string UsedBy);
