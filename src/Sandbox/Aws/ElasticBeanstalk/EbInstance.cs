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

    /// <summary>Deployment.Status in DescribeInstancesHealth: Deployed, In Progress or Failed.</summary>
    public string DeploymentStatus { get; set; } = EbConstants.DeploymentDeployed;

    /// <summary>True while its application server restarts with a new version (it refuses connections).</summary>
    public bool Restarting { get; set; }
}
