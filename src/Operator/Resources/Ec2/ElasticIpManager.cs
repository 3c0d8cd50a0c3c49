using System.Collections.Concurrent;
using Amazon.EC2.Model;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Ec2;

/// <summary>
/// Elastic IPs of network load balancers. Steady-state reads come from a snapshot of every address in the account
/// (one DescribeAddresses: accounts hold few), keyed by allocation id, or by ownership tags for the ones ebops
/// allocated. AllocateAddress takes no client token, so <see cref="CreateAsync"/> looks up by tag first, remembers what
/// it allocated until EC2 shows it, and after an ambiguous failure allocates again only once
/// <see cref="SettleTime"/> has passed without the address appearing.
/// </summary>
internal sealed class ElasticIpManager : IResourceManager<ElasticIpDesired, ElasticIpObserved>
{
    /// <summary>How long an address allocated (or perhaps allocated) may stay invisible to DescribeAddresses.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    private readonly IEc2Api ec2;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Allocation> recent = new(StringComparer.Ordinal);

    public ElasticIpManager(IEc2Api ec2, ManagerSettings settings, TimeProvider time, ILogger<ElasticIpManager> logger)
    {
        this.ec2 = ec2;
        this.time = time;
        this.logger = logger;
        Reader = new SnapshotReader<ElasticIpObserved>(LoadAllAsync, LoadOneAsync, KeyOf, settings.SnapshotMaxAge, time) { RecentMaxAge = settings.RecentMaxAge };
    }

    public SnapshotReader<ElasticIpObserved> Reader { get; }

    /// <summary>The lookup key of an address ebops allocated (its ownership tags); allocation ids never contain '|'.</summary>
    public static string TagKey(string cluster, string kind, string @namespace, string name, string component) =>
        string.Join('|', cluster, kind, @namespace, name, component);

    public Task<ElasticIpObserved?> ReadAsync(ElasticIpDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired, ReadMode.Live, cancellationToken);

    public Task<ElasticIpObserved?> ReadAsync(ElasticIpDesired desired, ReadMode mode, CancellationToken cancellationToken) =>
        Reader.ReadAsync(desired.Key, mode, cancellationToken);

    /// <summary>The ownership tags of an address ebops owns; nothing for a given one (never changed).</summary>
    public Delta Diff(ElasticIpDesired desired, ElasticIpObserved observed) => new DeltaBuilder()
        .Add("Tags", !desired.Given && MissingTags(desired, observed).Count > 0, null, null)
        .Build();

    public async Task<ElasticIpObserved> CreateAsync(ElasticIpDesired desired, CancellationToken cancellationToken)
    {
        if (desired.Given)
        {
            throw new InvalidOperationException("a given Elastic IP is never allocated");
        }

        if (await ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            recent.TryRemove(desired.Key, out _);
            return existing;
        }

        var now = time.GetUtcNow();
        if (recent.TryGetValue(desired.Key, out var earlier) && now - earlier.At < SettleTime)
        {
            // Allocated (or perhaps allocated) a moment ago and not visible yet: never a second one.
            return earlier.Observed ?? throw new ElasticIpPendingException(desired.SubnetId, earlier.At, earlier.At + SettleTime);
        }

        recent[desired.Key] = new Allocation(now, null);
        try
        {
            var (allocationId, publicIp) = await ec2.AllocateAddressAsync(desired.Tags, cancellationToken).ConfigureAwait(false);
            var observed = new ElasticIpObserved(allocationId, publicIp, null, null, desired.Tags);
            recent[desired.Key] = new Allocation(now, observed);
            Reader.Invalidate(desired.Key);
            ElasticIpLog.Allocated(logger, allocationId, publicIp, desired.SubnetId);
            return observed;
        }
        catch (AwsApiException e) when (e.IsThrottled || e.IsTerminal)
        {
            // Refused before anything was allocated.
            recent.TryRemove(desired.Key, out _);
            throw;
        }
        catch (AwsApiException e)
        {
            ElasticIpLog.AllocationAmbiguous(logger, desired.SubnetId, e.Code, now + SettleTime);
            throw;
        }
    }

    public async Task<ElasticIpObserved> UpdateAsync(ElasticIpDesired desired, ElasticIpObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        if (desired.Given || !delta.Has("Tags"))
        {
            return observed;
        }

        var missing = MissingTags(desired, observed);
        await ec2.CreateTagsAsync([observed.AllocationId], missing, cancellationToken).ConfigureAwait(false);
        Reader.Invalidate(desired.Key);
        ElasticIpLog.Tagged(logger, observed.AllocationId, string.Join(",", missing.Keys));
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in observed.Tags.Concat(missing))
        {
            tags[key] = value;
        }

        return observed with { Tags = tags };
    }

    /// <summary>Releases an address ebops owns. An address still associated (its NLB's interfaces not yet gone) fails
    /// with a Conflict, retried later.</summary>
    public async Task DeleteAsync(ElasticIpObserved observed, CancellationToken cancellationToken)
    {
        ElasticIpLog.Releasing(logger, observed.AllocationId);
        await ec2.ReleaseAddressAsync(observed.AllocationId, cancellationToken).ConfigureAwait(false);
        Reader.Invalidate(KeyOf(observed));
        Reader.Invalidate(observed.AllocationId);
        foreach (var entry in recent.Where(r => r.Value.Observed?.AllocationId == observed.AllocationId))
        {
            recent.TryRemove(entry.Key, out _);
        }
    }

    private static Dictionary<string, string> MissingTags(ElasticIpDesired desired, ElasticIpObserved observed) =>
        desired.Tags.Where(t => !observed.Tags.TryGetValue(t.Key, out var v) || v != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private static string KeyOf(ElasticIpObserved address)
    {
        var tags = address.Tags;
        string? Tag(string key) => tags.TryGetValue(key, out var value) ? value : null;
        return Tag(OwnershipTags.Cluster) is { } cluster && Tag(OwnershipTags.Kind) is { } kind && Tag(OwnershipTags.Namespace) is { } ns
            && Tag(OwnershipTags.Name) is { } name && Tag(OwnershipTags.Component) is { } component
            ? TagKey(cluster, kind, ns, name, component)
            : address.AllocationId;
    }

    private async Task<ElasticIpObserved?> LoadOneAsync(string key, CancellationToken cancellationToken)
    {
        var parts = key.Split('|');
        var addresses = parts.Length == 5
            ? await ec2.DescribeAddressesAsync(null,
            [
                new Filter("tag:" + OwnershipTags.Cluster, [parts[0]]),
                new Filter("tag:" + OwnershipTags.Kind, [parts[1]]),
                new Filter("tag:" + OwnershipTags.Namespace, [parts[2]]),
                new Filter("tag:" + OwnershipTags.Name, [parts[3]]),
                new Filter("tag:" + OwnershipTags.Component, [parts[4]]),
            ], cancellationToken).ConfigureAwait(false)
            : await ec2.DescribeAddressesAsync([key], null, cancellationToken).ConfigureAwait(false);
        return Distinct(addresses.Select(ToObserved)).FirstOrDefault();
    }

    private async Task<IReadOnlyList<ElasticIpObserved>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var addresses = await ec2.DescribeAddressesAsync(null, null, cancellationToken).ConfigureAwait(false);
        return Distinct(addresses.Select(ToObserved));
    }

    /// <summary>One address per key (the lowest allocation id when, against every precaution, two share ownership tags).</summary>
    private List<ElasticIpObserved> Distinct(IEnumerable<ElasticIpObserved> addresses)
    {
        var result = new List<ElasticIpObserved>();
        foreach (var group in addresses.GroupBy(KeyOf, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(a => a.AllocationId, StringComparer.Ordinal).ToList();
            if (ordered.Count > 1)
            {
                ElasticIpLog.Duplicates(logger, string.Join(",", ordered.Select(a => a.AllocationId)), group.Key, ordered[0].AllocationId);
            }

            result.Add(ordered[0]);
        }

        return result;
    }

    private static ElasticIpObserved ToObserved(Address address) => new(
        address.AllocationId ?? "",
        address.PublicIp ?? "",
        address.AssociationId,
        address.NetworkInterfaceId,
        (address.Tags ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal));

    private sealed record Allocation(DateTimeOffset At, ElasticIpObserved? Observed);
}
