namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>An environment's health at one moment: colour, enhanced status, causes, per-instance counts.</summary>
internal sealed record EbHealth(
    string Color,
    string HealthStatus,
    IReadOnlyList<string> Causes,
    IReadOnlyDictionary<string, int> Instances,
    IReadOnlyDictionary<string, string> InstanceStatus);
