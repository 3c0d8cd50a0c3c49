using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>An environment's instance: its data-plane server and what EB reports about it.</summary>
internal sealed class EbInstance
{
    public required string Id { get; init; }

    public required InstanceServer Server { get; init; }

    public required string AvailabilityZone { get; init; }

    public required DateTimeOffset LaunchedAt { get; init; }

    public DateTimeOffset DeployedAt { get; set; }

    public long DeploymentId { get; set; } = 1;
}
