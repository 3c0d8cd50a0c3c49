namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>CreateTargetGroup's and ModifyTargetGroup's parameters (null: not sent).</summary>
internal sealed record TargetGroupInput
{
    public string? Name { get; init; }

    public string? TargetType { get; init; }

    public string? Protocol { get; init; }

    public string? ProtocolVersion { get; init; }

    public int? Port { get; init; }

    public string? VpcId { get; init; }

    public string? HealthCheckProtocol { get; init; }

    public string? HealthCheckPort { get; init; }

    public string? HealthCheckPath { get; init; }

    public bool? HealthCheckEnabled { get; init; }

    public int? HealthCheckIntervalSeconds { get; init; }

    public int? HealthCheckTimeoutSeconds { get; init; }

    public int? HealthyThresholdCount { get; init; }

    public int? UnhealthyThresholdCount { get; init; }

    public string? Matcher { get; init; }

    public string? IpAddressType { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
}
