using Ebops.Operator.Runtime.Queue;
using Prometheus;

namespace Ebops.Operator.Runtime.Metrics;

/// <summary>The runtime's Prometheus metrics (names are a public contract; see docs/runtime.md).</summary>
public sealed class RuntimeMetrics
{
    private readonly Counter reconciles;
    private readonly Counter errors;
    private readonly Histogram duration;
    private readonly Gauge depth;
    private readonly Histogram queueDuration;
    private readonly Counter retries;
    private readonly Gauge leader;
    private readonly Gauge stalled;
    private readonly Counter kubeRequests;

    /// <summary>Registers the metrics in <paramref name="registry"/> (default: prometheus-net's default registry).</summary>
    public RuntimeMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Prometheus.Metrics.DefaultRegistry;
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        reconciles = factory.CreateCounter("ebops_reconcile_total", "Reconciles by kind and result.", "kind", "result");
        errors = factory.CreateCounter("ebops_reconcile_errors_total", "Reconciles that failed with a transient error.", "kind");
        duration = factory.CreateHistogram("ebops_reconcile_duration_seconds", "Time spent in one reconcile.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 18) });
        depth = factory.CreateGauge("ebops_workqueue_depth", "Keys waiting in the work queue.", "kind");
        queueDuration = factory.CreateHistogram("ebops_workqueue_queue_duration_seconds", "Time a key waited in the queue before a worker took it.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 22) });
        retries = factory.CreateCounter("ebops_workqueue_retries_total", "Keys re-queued with failure backoff.", "kind");
        leader = factory.CreateGauge("ebops_leader", "1 while this replica holds the leader lease.", "identity");
        stalled = factory.CreateGauge("ebops_resource_stalled",
            "1 while an object is Stalled (a terminal error that waits for a spec or Secret change), 0 once it reconciles again.", "kind", "namespace", "name");
        kubeRequests = factory.CreateCounter("ebops_kube_requests_total", "Kubernetes API requests the operator sent, by RBAC verb and resource.", "verb", "resource");
    }

    /// <summary>Where the metrics live; /metrics serves this registry.</summary>
    public CollectorRegistry Registry { get; }

    public void Reconciled(string kind, string result, TimeSpan elapsed)
    {
        reconciles.WithLabels(kind, result).Inc();
        duration.WithLabels(kind).Observe(elapsed.TotalSeconds);
    }

    public void ReconcileFailed(string kind) => errors.WithLabels(kind).Inc();

    /// <summary>One Kubernetes API request (see <see cref="KubeRequestCounter"/>).</summary>
    public void KubeRequest(string verb, string resource) => kubeRequests.WithLabels(verb, resource).Inc();

    /// <summary>Keeps <c>ebops_resource_stalled</c> from how a reconcile of <paramref name="key"/> ended (the <c>result</c> label).</summary>
    public void ObjectReconciled(string kind, ResourceKey key, string result)
    {
        var labels = new[] { kind, key.Namespace ?? "", key.Name };
        switch (result)
        {
            case "stalled" or "stalled_skipped":
                stalled.WithLabels(labels).Set(1);
                break;
            case "done" or "requeue":
                stalled.WithLabels(labels).Set(0);
                break;
            case "not_found" or "finalized":
                stalled.RemoveLabelled(labels);
                break;
        }
    }

    public void SetLeader(string identity, bool isLeader) => leader.WithLabels(identity).Set(isLeader ? 1 : 0);

    public IWorkQueueMetrics ForQueue(string kind) => new QueueMetrics(this, kind);

    private sealed class QueueMetrics(RuntimeMetrics metrics, string kind) : IWorkQueueMetrics
    {
        public void SetDepth(int value) => metrics.depth.WithLabels(kind).Set(value);

        public void ObserveQueueDuration(TimeSpan waited) => metrics.queueDuration.WithLabels(kind).Observe(waited.TotalSeconds);

        public void IncrementRetries() => metrics.retries.WithLabels(kind).Inc();
    }
}
