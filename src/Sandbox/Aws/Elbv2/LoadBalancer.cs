using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>A simulated load balancer (control-plane state; its listeners own the data plane).</summary>
internal sealed class LoadBalancer
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public required string Scheme { get; init; }

    public required string VpcId { get; init; }

    public required string DnsName { get; init; }

    public required string CanonicalHostedZoneId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ActiveAt { get; init; }

    public string IpAddressType { get; set; } = "ipv4";

    public List<string> SecurityGroups { get; set; } = [];

    public List<LoadBalancerZone> Zones { get; set; } = [];

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public TagList Tags { get; } = new();

    public bool IsApplication => Type == Elbv2Constants.Application;

    public string StateAt(DateTimeOffset now) => now >= ActiveAt ? Elbv2Constants.Active : Elbv2Constants.Provisioning;
}
