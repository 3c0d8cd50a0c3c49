namespace Ebops.Operator.Runtime.Election;

/// <summary>The Lease and its timing (client-go's names and defaults); the host fills it from its own options.</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Name of the Lease.</summary>
    public string LeaseName { get; init; } = "ebops-leader";

    /// <summary>Namespace of the Lease.</summary>
    public string LeaseNamespace { get; init; } = "default";

    /// <summary>How long a lease is valid without renewal.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates retry and the leader renews.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
