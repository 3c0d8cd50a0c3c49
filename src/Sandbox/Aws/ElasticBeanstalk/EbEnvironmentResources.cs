namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>What a terminating environment leaves to delete in ELBv2 and EC2 (captured when termination starts).</summary>
internal sealed record EbEnvironmentResources(string? LoadBalancerArn, string? TargetGroupArn, string? InstanceSecurityGroup, string? LoadBalancerSecurityGroup);
