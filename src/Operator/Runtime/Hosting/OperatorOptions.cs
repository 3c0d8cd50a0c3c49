namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Settings of the <c>run</c> verb. Sources, later wins: appsettings.json (section "Operator"), environment variables
/// <c>EBOPS_Operator__&lt;Name&gt;</c> (or the short <c>EBOPS_&lt;NAME&gt;</c>), command-line flags. Validated at start-up
/// by <see cref="OperatorOptionsValidator"/>.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Path to a kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster config).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>kubeconfig context to use (default: the current context).</summary>
    public string? Context { get; set; }

    /// <summary>Namespace to watch; empty watches all namespaces.</summary>
    public string? Namespace { get; set; }

    /// <summary>Label selector that limits which objects are reconciled; empty selects all.</summary>
    public string? LabelSelector { get; set; }

    /// <summary>Run leader election so only one replica reconciles.</summary>
    public bool LeaderElect { get; set; }

    /// <summary>Namespace of the Lease (default: the pod's namespace in-cluster, else "default").</summary>
    public string? LeaderElectionNamespace { get; set; }

    /// <summary>Name of the Lease (default: <see cref="LeaseName"/>).</summary>
    public string? LeaderElectionId { get; set; }

    /// <summary>How long a lease is valid without renewal (client-go default 15 s).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up (client-go default 10 s).</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates retry and the leader renews (client-go default 2 s).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Port of /healthz, /readyz and /metrics; 0 picks a free port.</summary>
    public int MetricsPort { get; set; } = 8080;

    /// <summary>Address the metrics server binds to.</summary>
    public string MetricsAddress { get; set; } = "0.0.0.0";

    /// <summary>Concurrent reconciles per kind (1 to 64).</summary>
    public int MaxConcurrentReconciles { get; set; } = 2;

    /// <summary>Every object is reconciled again at least this often (with jitter); 0 disables.</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>On SIGTERM, how long in-flight reconciles may take before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Lease this replica competes for: <see cref="LeaderElectionId"/> when set; else <c>ebops-leader</c>, or with a
    /// <see cref="LabelSelector"/> a name of its own per selector (<c>ebops-leader-</c>, the selector in Lease-name
    /// characters, a hash of it), so shards with different selectors each elect their own leader.
    /// </summary>
    public string LeaseName() => LeaderElectionId is { Length: > 0 } id ? id : ShardLeaseNames.For(LabelSelector);
}
