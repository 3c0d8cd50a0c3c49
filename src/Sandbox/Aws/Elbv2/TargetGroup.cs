using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>A simulated target group: ELBv2 settings plus the data-plane <see cref="TargetGroupRuntime"/> that checks its targets.</summary>
internal sealed class TargetGroup
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string TargetType { get; init; }

    public required string Protocol { get; init; }

    public required int Port { get; init; }

    public required string VpcId { get; init; }

    public string? ProtocolVersion { get; init; }

    public string IpAddressType { get; init; } = "ipv4";

    public required string HealthCheckProtocol { get; set; }

    public required string HealthCheckPort { get; set; }

    public required string HealthCheckPath { get; set; }

    public bool HealthCheckEnabled { get; set; } = true;

    public required int HealthCheckIntervalSeconds { get; set; }

    public required int HealthCheckTimeoutSeconds { get; set; }

    public required int HealthyThresholdCount { get; set; }

    public required int UnhealthyThresholdCount { get; set; }

    public string? Matcher { get; set; }

    public required TargetGroupRuntime Runtime { get; init; }

    /// <summary>Registered targets: id → port as registered (loopback ports live in the runtime).</summary>
    public Dictionary<string, int> Targets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public TagList Tags { get; } = new();

    public bool UsesHttpChecks => HealthCheckProtocol is "HTTP" or "HTTPS";
}
