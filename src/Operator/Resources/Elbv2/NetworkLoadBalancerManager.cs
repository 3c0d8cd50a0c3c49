using System.Collections.Concurrent;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// Network load balancers, found by their deterministic name. Steady-state reads come from a snapshot of every network
/// load balancer of the cluster with its tags (one paginated DescribeLoadBalancers plus one DescribeTags per 20).
/// Only tags can be updated: subnets, Elastic IPs, scheme and type are fixed at creation (<see cref="FixedDiff"/>).
/// </summary>
internal sealed class NetworkLoadBalancerManager : IResourceManager<NetworkLoadBalancerDesired, NetworkLoadBalancerObserved>
{
    /// <summary>How long a load balancer this manager created may stay invisible to DescribeLoadBalancers (eventual consistency).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    private readonly IElbv2Api elbv2;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, NetworkLoadBalancerObserved Observed)> recent = new(StringComparer.Ordinal);
    private readonly ILogger logger;
    private readonly string cluster;

    public NetworkLoadBalancerManager(IElbv2Api elbv2, ManagerSettings settings, TimeProvider time, ILogger<NetworkLoadBalancerManager> logger)
    {
        this.elbv2 = elbv2;
        this.time = time;
        this.logger = logger;
        cluster = settings.ClusterName;
        // No recent snapshot (ReadMode.Recent reads go live): a load costs a DescribeTags per 20 objects on top of the
        // describes, N/20 calls of ELBv2's account budget (10/s shared by every action), far more than the objects in motion.
        Reader = new SnapshotReader<NetworkLoadBalancerObserved>(LoadAllAsync, LoadOneAsync, o => o.Name, settings.SnapshotMaxAge, time);
    }

    public SnapshotReader<NetworkLoadBalancerObserved> Reader { get; }

    public Task<NetworkLoadBalancerObserved?> ReadAsync(NetworkLoadBalancerDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, ReadMode.Live, cancellationToken);

    /// <summary>
    /// The load balancer named <paramref name="name"/>, or null. One this manager created moments ago and AWS does not
    /// show yet is answered as created, so nothing acts as if it were missing (a second create, a false pre-flight
    /// failure on its own Elastic IPs).
    /// </summary>
    public async Task<NetworkLoadBalancerObserved?> ReadAsync(string name, ReadMode mode, CancellationToken cancellationToken)
    {
        var found = await Reader.ReadAsync(name, mode, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            recent.TryRemove(name, out _);
            return found;
        }

        return recent.TryGetValue(name, out var created) && time.GetUtcNow() - created.At < SettleTime ? created.Observed : null;
    }

    /// <summary>Tags only (including the ownership tags of an object taken over).</summary>
    public Delta Diff(NetworkLoadBalancerDesired desired, NetworkLoadBalancerObserved observed) => new DeltaBuilder()
        .Add("Tags", Elbv2Tags.Missing(desired.Tags, observed.Tags).Count > 0, null, null)
        .Build();

    /// <summary>Pure: what differs and cannot be changed on an existing load balancer.</summary>
    public static Delta FixedDiff(NetworkLoadBalancerDesired desired, NetworkLoadBalancerObserved observed) => new DeltaBuilder()
        .Compare("Type", Elbv2Statuses.TypeNetwork, observed.Type)
        .Compare("Scheme", Elbv2Statuses.SchemeInternetFacing, observed.Scheme)
        .CompareSet("Subnets", desired.Subnets.Select(s => s.SubnetId), observed.Zones.Select(z => z.SubnetId))
        .CompareSet("AllocationIds",
            desired.Subnets.Select(s => $"{s.SubnetId}={s.AllocationId}"),
            observed.Zones.Select(z => $"{z.SubnetId}={z.AllocationId}"))
        .Build();

    public async Task<NetworkLoadBalancerObserved> CreateAsync(NetworkLoadBalancerDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return desired.Owner.Owns(existing.Tags, NetworkLoadBalancerDesired.Component)
                ? existing
                : throw Elbv2Tags.Conflict("load balancer", desired.Name, existing.Tags);
        }

        // Idempotent on AWS: an identical request returns the load balancer an earlier, lost attempt created.
        var response = await elbv2.CreateLoadBalancerAsync(new()
        {
            Name = desired.Name,
            Type = Elbv2Statuses.TypeNetwork,
            Scheme = Elbv2Statuses.SchemeInternetFacing,
            IpAddressType = Elbv2Statuses.IpAddressTypeIpv4,
            SubnetMappings = [.. desired.Subnets.Select(s => new SubnetMapping { SubnetId = s.SubnetId, AllocationId = s.AllocationId })],
            Tags = Elbv2Tags.ToTags(desired.Tags),
        }, cancellationToken).ConfigureAwait(false);
        Reader.Invalidate(desired.Name);
        var created = response.LoadBalancers?.FirstOrDefault() ?? throw new InvalidOperationException("CreateLoadBalancer returned no load balancer");
        var observed = ToObserved(created, desired.Tags);
        recent[desired.Name] = (time.GetUtcNow(), observed);
        Log.LoadBalancerCreated(logger, observed.Name, observed.Arn);
        return observed;
    }

    public async Task<NetworkLoadBalancerObserved> UpdateAsync(NetworkLoadBalancerDesired desired, NetworkLoadBalancerObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        if (!delta.Has("Tags"))
        {
            return observed;
        }

        var missing = Elbv2Tags.Missing(desired.Tags, observed.Tags);
        var tags = await Elbv2Tags.AddAsync(elbv2, logger, observed.Arn, observed.Tags, missing, cancellationToken).ConfigureAwait(false);
        Reader.Invalidate(observed.Name);
        return observed with { Tags = tags };
    }

    public async Task DeleteAsync(NetworkLoadBalancerObserved observed, CancellationToken cancellationToken)
    {
        Log.LoadBalancerDeleting(logger, observed.Arn);
        try
        {
            await elbv2.DeleteLoadBalancerAsync(new() { LoadBalancerArn = observed.Arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }

        recent.TryRemove(observed.Name, out _);
        Reader.Invalidate(observed.Name);
    }

    private async Task<NetworkLoadBalancerObserved?> LoadOneAsync(string name, CancellationToken cancellationToken)
    {
        var found = await elbv2.FindLoadBalancerAsync(name, cancellationToken).ConfigureAwait(false);
        if (found?.LoadBalancerArn is not { } arn)
        {
            return null;
        }

        var tags = await elbv2.GetTagsAsync(arn, cancellationToken).ConfigureAwait(false);
        return ToObserved(found, Elbv2Tags.ToDictionary(tags));
    }

    private async Task<IReadOnlyList<NetworkLoadBalancerObserved>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<LoadBalancer>();
        await foreach (var lb in elbv2.DescribeLoadBalancersAllAsync(new(), cancellationToken).ConfigureAwait(false))
        {
            if (lb.Type == Elbv2Statuses.TypeNetwork && lb.LoadBalancerArn is not null)
            {
                all.Add(lb);
            }
        }

        var tags = await Elbv2Tags.ReadAsync(elbv2, [.. all.Select(lb => lb.LoadBalancerArn!)], cancellationToken).ConfigureAwait(false);
        return [.. all.Select(lb => ToObserved(lb, Elbv2Tags.Of(tags, lb.LoadBalancerArn!))).Where(o => Elbv2Tags.InCluster(o.Tags, cluster))];
    }

    private static NetworkLoadBalancerObserved ToObserved(LoadBalancer lb, IReadOnlyDictionary<string, string> tags) => new(
        lb.LoadBalancerArn ?? "",
        lb.LoadBalancerName ?? "",
        lb.Type ?? "",
        lb.Scheme ?? "",
        lb.DNSName,
        lb.VpcId,
        lb.State?.Code ?? "",
        [.. (lb.AvailabilityZones ?? []).Select(z =>
        {
            var address = z.LoadBalancerAddresses?.FirstOrDefault(a => a.AllocationId is not null) ?? z.LoadBalancerAddresses?.FirstOrDefault();
            return new NlbZone(z.SubnetId ?? "", z.ZoneName, address?.AllocationId, address?.IpAddress);
        })],
        tags);
}
