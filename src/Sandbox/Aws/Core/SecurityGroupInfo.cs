namespace Ebops.Sandbox.Aws.Core;

/// <summary>A security group as other services see it (RDS checks the VPC of the groups an instance names).</summary>
public sealed record SecurityGroupInfo(string GroupId, string GroupName, string VpcId);
