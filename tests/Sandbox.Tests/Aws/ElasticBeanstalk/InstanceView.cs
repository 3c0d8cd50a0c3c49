namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>One instance as DescribeInstancesHealth reports it.</summary>
internal sealed record InstanceView(string Id, string? HealthStatus, string? Version, string? DeploymentStatus, string? DeploymentId);
