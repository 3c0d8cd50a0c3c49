namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEnvironmentResources' answer: the environment's instances, ALB, Auto Scaling group and launch template.</summary>
internal sealed record EbResourceSummary(string Name, IReadOnlyList<string> Instances, string? LoadBalancer, string AutoScalingGroup, string LaunchTemplate);
