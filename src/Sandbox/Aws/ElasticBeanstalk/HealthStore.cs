using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Environment health as EB's health agent reports it, from the ALB's real checks of the instances
/// (<see cref="EbHealthRules"/>), with "health has transitioned" events, and the request metrics of the last 10
/// seconds from the ALB's counters. A monitor refreshes it every 10 seconds (scaled), so transition events are dated
/// when they happen rather than when someone next asks, and forgets environments terminated over an hour ago.
/// </summary>
internal sealed class HealthStore : IAsyncDisposable
{
    private const int MaxSamples = 6;
    private static readonly TimeSpan MetricsWindow = TimeSpan.FromSeconds(10);
    private readonly SimWorld world;
    private readonly EnvironmentIndex environments;
    private readonly EbLoadBalancing loadBalancing;
    private readonly EbEventLog events;
    private readonly ITimer monitor;

    public HealthStore(SimWorld world, EnvironmentIndex environments, EbLoadBalancing loadBalancing, EbEventLog events)
    {
        this.world = world;
        this.environments = environments;
        this.loadBalancing = loadBalancing;
        this.events = events;
        var period = EbTimes.Max(world.Timing.Of(TimeSpan.FromSeconds(10)), TimeSpan.FromMilliseconds(10));
        monitor = world.Time.CreateTimer(_ => Monitor(), null, period, period);
    }

    /// <summary>The environment's health now (recording a transition event when it changed).</summary>
    public EbHealth Of(EbEnvironment environment)
    {
        lock (world.Gate)
        {
            return Refresh(environment, world.Time.GetUtcNow());
        }
    }

    /// <summary>Refreshes every environment's health (before events are described).</summary>
    public void RefreshAll()
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            foreach (var environment in environments.All())
            {
                Refresh(environment, now);
            }
        }
    }

    /// <summary>
    /// Health, plus the request metrics of the last 10 seconds (realistic, scaled) as EB reports them: the ALB's
    /// counters now minus the newest sample at least that old (or since launch when there is none yet).
    /// </summary>
    public EbHealthReport Describe(string? id, string? name)
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var environment = environments.Find(id, name, allowTerminated: true);
            var health = Refresh(environment, now);
            if (environment.LoadBalancerArn is null || loadBalancing.Counters(environment.LoadBalancerArn) is not { } counters)
            {
                return new EbHealthReport(environment, health, null, 0);
            }

            var window = world.Timing.Of(MetricsWindow);
            var baseline = environment.MetricSamples.LastOrDefault(s => s.At <= now - window)
                ?? new EbMetricSample(environment.Created, 0, 0, 0, 0, 0, TimeSpan.Zero, LatencyDistribution.Empty);
            var current = Sample(now, counters);
            var delta = new EbMetricSample(
                baseline.At,
                current.Requests - baseline.Requests,
                current.Status2xx - baseline.Status2xx,
                current.Status3xx - baseline.Status3xx,
                current.Status4xx - baseline.Status4xx,
                current.Status5xx - baseline.Status5xx,
                current.Latency - baseline.Latency,
                current.Latencies.Since(baseline.Latencies));
            var elapsed = now - baseline.At;
            var duration = world.Timing.Scale > 0 ? elapsed.TotalSeconds / world.Timing.Scale : MetricsWindow.TotalSeconds;
            return new EbHealthReport(environment, health, delta, (int)Math.Round(Math.Min(duration, int.MaxValue)));
        }
    }

    /// <summary>A snapshot of the environment's instances.</summary>
    public IReadOnlyList<EbInstance> InstancesOf(EbEnvironment environment)
    {
        lock (world.Gate)
        {
            return [.. environment.Instances];
        }
    }

    public ValueTask DisposeAsync() => monitor.DisposeAsync();

    // Called under the gate.
    private EbHealth Refresh(EbEnvironment environment, DateTimeOffset now)
    {
        var status = environment.StatusAt(now);
        var targets = status is C.Terminating or C.Terminated || environment.TargetGroupArn is null ? null : loadBalancing.Targets(environment.TargetGroupArn);
        var health = EbHealthRules.Compute(environment, status, targets);
        if (status is C.Ready or C.Updating or C.Aborting && environment.LastHealthStatus is { } previous && previous != health.HealthStatus)
        {
            var worse = EbHealthRules.Rank(health.HealthStatus) > EbHealthRules.Rank(previous);
            events.Add(now, worse ? "WARN" : "INFO", $"Environment health has transitioned from {previous} to {health.HealthStatus}.", environment, null);
        }

        environment.LastHealthStatus = health.HealthStatus;
        return health;
    }

    private void Monitor()
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            environments.ForgetTerminated(now);
            foreach (var environment in environments.All().Where(e => e.StatusAt(now) is C.Ready or C.Updating or C.Aborting))
            {
                Refresh(environment, now);
                if (environment.LoadBalancerArn is not null && loadBalancing.Counters(environment.LoadBalancerArn) is { } counters)
                {
                    environment.MetricSamples.Add(Sample(now, counters));
                    if (environment.MetricSamples.Count > MaxSamples)
                    {
                        environment.MetricSamples.RemoveAt(0);
                    }
                }
            }
        }
    }

    private static EbMetricSample Sample(DateTimeOffset at, ProxyCounters counters) =>
        new(at, counters.RequestCount, counters.Status2xx, counters.Status3xx, counters.Status4xx, counters.Status5xx, counters.TotalLatency, counters.Latencies.Snapshot());
}
