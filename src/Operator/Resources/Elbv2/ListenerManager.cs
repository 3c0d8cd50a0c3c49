using System.Collections.Concurrent;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Elbv2;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// TCP listeners of network load balancers, and where they forward. Steady-state reads come from a snapshot of every
/// listener this manager has seen (one DescribeListeners and one DescribeTags per 20 listeners). The forward is set at
/// creation and afterwards only by <see cref="ForwardAsync(string, string, CancellationToken)"/> /
/// <see cref="ForwardAsync(string, IReadOnlyList{WeightedTargetGroup}, CancellationToken)"/>, which record it in the
/// <see cref="Elbv2Tags.Forward"/> tag before they change it, so a listener forwarding elsewhere was edited by hand.
/// </summary>
internal sealed class ListenerManager : IResourceManager<ListenerDesired, ListenerObserved>
{
    private readonly IElbv2Api elbv2;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CountedGate> forwarding = new(StringComparer.Ordinal);
    private int holding;

    public ListenerManager(IElbv2Api elbv2, ManagerSettings settings, TimeProvider time, ILogger<ListenerManager> logger)
    {
        this.elbv2 = elbv2;
        this.logger = logger;
        // No recent snapshot (ReadMode.Recent reads go live): a load costs a DescribeTags per 20 objects on top of the
        // describes, N/20 calls of ELBv2's account budget (10/s shared by every action), far more than the objects in motion.
        Reader = new SnapshotReader<ListenerObserved>(LoadAllAsync, LoadOneAsync, o => o.Arn, settings.SnapshotMaxAge, time);
    }

    public SnapshotReader<ListenerObserved> Reader { get; }

    /// <summary>Callers held now by a Forward or settled read in progress on the same listener (for tests: such a caller
    /// moves only when that one does).</summary>
    public int Waiting => Volatile.Read(ref holding) > 0 ? forwarding.Values.Sum(g => g.Waiting) : 0;

    /// <summary>How many listeners have a gate or are remembered for the snapshot's tag reads (tests: a deleted one is not).</summary>
    public int RememberedListeners => known.Keys.Union(forwarding.Keys, StringComparer.Ordinal).Count();

    /// <summary>Called when a caller starts waiting for a listener's gate (for tests that drive a fake clock).</summary>
    public System.Action? WaitStarted { get; set; }

    public Task<ListenerObserved?> ReadAsync(ListenerDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired, ReadMode.Live, cancellationToken);

    /// <summary>
    /// The listener: by its recorded ARN (batched in <see cref="ReadMode.Cached"/> mode) and otherwise, live, among
    /// the load balancer's listeners (the one tagged as this owner's, else the one on the desired port). Null when
    /// there is none.
    /// </summary>
    public async Task<ListenerObserved?> ReadAsync(ListenerDesired desired, ReadMode mode, CancellationToken cancellationToken)
    {
        if (desired.ListenerArn is { } arn
            && await Reader.ReadAsync(arn, mode, cancellationToken).ConfigureAwait(false) is { } byArn
            && byArn.LoadBalancerArn == desired.LoadBalancerArn)
        {
            return byArn;
        }

        var all = await ReadAllOfAsync(desired.LoadBalancerArn, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(l => desired.Owner.Owns(l.Tags, ListenerDesired.Component))
            ?? all.FirstOrDefault(l => l.Port == desired.Port);
    }

    /// <summary>Port, protocol, the ownership tags, and a missing forward record (an adopted listener).</summary>
    public Delta Diff(ListenerDesired desired, ListenerObserved observed) => new DeltaBuilder()
        .Compare("Port", (int?)desired.Port, observed.Port)
        .Compare("Protocol", Elbv2Statuses.ProtocolTcp, observed.Protocol)
        .Add("Tags", Elbv2Tags.Missing(desired.Tags, observed.Tags).Count > 0, null, null)
        .Add("ForwardRecord", observed.RecordedForward is null && observed.Forward is not null, observed.Forward?.TagValue, null)
        .Build();

    public async Task<ListenerObserved> CreateAsync(ListenerDesired desired, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(desired, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var forward = ListenerForward.To(desired.InitialTargetGroupArn);
        var tags = Elbv2Tags.Merge(desired.Tags, new Dictionary<string, string> { [Elbv2Tags.Forward] = forward.TagValue });
        try
        {
            // Idempotent on AWS for an identical request: a lost response's listener is returned again.
            var response = await elbv2.CreateListenerAsync(new()
            {
                LoadBalancerArn = desired.LoadBalancerArn,
                Protocol = Elbv2Statuses.ProtocolTcp,
                Port = desired.Port,
                DefaultActions = [ForwardAction(forward)],
                Tags = Elbv2Tags.ToTags(tags),
            }, cancellationToken).ConfigureAwait(false);
            var created = response.Listeners?.FirstOrDefault() ?? throw new InvalidOperationException("CreateListener returned no listener");
            var observed = ToObserved(created, tags);
            Remember(observed.Arn);
            Log.ListenerCreated(logger, observed.Arn, desired.Port, forward.ToString());
            return observed;
        }
        catch (AwsApiException e) when (e.Code == Elbv2Errors.DuplicateListener)
        {
            // Another listener holds the port: ours after a lost response, or someone else's.
            return await FindOwnAsync(desired, cancellationToken).ConfigureAwait(false)
                ?? throw UnmanagedResourceException.NotManaged("listener", $"on port {desired.Port} of {desired.LoadBalancerArn}");
        }
    }

    public async Task<ListenerObserved> UpdateAsync(ListenerDesired desired, ListenerObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        var result = observed;
        if (delta.Has("Port") || delta.Has("Protocol"))
        {
            var response = await elbv2.ModifyListenerAsync(new()
            {
                ListenerArn = observed.Arn,
                Port = delta.Has("Port") ? desired.Port : null,
                Protocol = delta.Has("Protocol") ? Elbv2Statuses.ProtocolTcp : null,
            }, cancellationToken).ConfigureAwait(false);
            result = response.Listeners?.FirstOrDefault() is { } modified ? ToObserved(modified, observed.Tags) : observed with { Port = desired.Port };
            Log.ListenerUpdated(logger, observed.Arn, string.Join(",", delta.Fields));
        }

        var missing = new Dictionary<string, string>(Elbv2Tags.Missing(desired.Tags, observed.Tags).ToDictionary(), StringComparer.Ordinal);
        if (delta.Has("ForwardRecord") && observed.Forward is { } current)
        {
            missing[Elbv2Tags.Forward] = current.TagValue;
        }

        if (missing.Count > 0)
        {
            result = result with { Tags = await Elbv2Tags.AddAsync(elbv2, logger, observed.Arn, result.Tags, missing, cancellationToken).ConfigureAwait(false) };
        }

        Reader.Invalidate(observed.Arn);
        return result;
    }

    public async Task DeleteAsync(ListenerObserved observed, CancellationToken cancellationToken)
    {
        Log.ListenerDeleting(logger, observed.Arn);
        try
        {
            await elbv2.DeleteListenerAsync(new() { ListenerArn = observed.Arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }

        Forget(observed.Arn);
        Reader.Invalidate(observed.Arn);
    }

    /// <summary>Points the listener at one target group (a cut-over or a switch back). Returns the forward AWS now reports.</summary>
    public Task<ListenerForward> ForwardAsync(string listenerArn, string targetGroupArn, CancellationToken cancellationToken) =>
        SetForwardAsync(listenerArn, ListenerForward.To(targetGroupArn), cancellationToken);

    /// <summary>
    /// Splits new connections between target groups by weight (ForwardConfig.TargetGroups; weights 0-999, at least one
    /// above 0, each group once). Open connections stay where they are. Returns the forward AWS now reports.
    /// </summary>
    public Task<ListenerForward> ForwardAsync(string listenerArn, IReadOnlyList<WeightedTargetGroup> targetGroups, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(targetGroups.Count, nameof(targetGroups));
        foreach (var group in targetGroups)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(group.Weight, Elbv2Statuses.TargetGroupWeightMin, nameof(targetGroups));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(group.Weight, Elbv2Statuses.TargetGroupWeightMax, nameof(targetGroups));
        }

        if (targetGroups.Select(g => g.TargetGroupArn).Distinct(StringComparer.Ordinal).Count() != targetGroups.Count || targetGroups.All(g => g.Weight == 0))
        {
            throw new ArgumentException("each target group once, and at least one weight above 0", nameof(targetGroups));
        }

        return SetForwardAsync(listenerArn, new ListenerForward(targetGroups), cancellationToken, weighted: true);
    }

    /// <summary>Where the listener forwards (single or weighted); null when the listener does not exist. Cached: from the
    /// snapshot; otherwise one DescribeListeners (the forward needs no tags).</summary>
    public async Task<ListenerForward?> ReadForwardAsync(string listenerArn, ReadMode mode, CancellationToken cancellationToken)
    {
        if (mode == ReadMode.Cached)
        {
            return (await Reader.ReadAsync(listenerArn, mode, cancellationToken).ConfigureAwait(false))?.Forward;
        }

        try
        {
            var response = await elbv2.DescribeListenersAsync(new() { ListenerArns = [listenerArn] }, cancellationToken).ConfigureAwait(false);
            return response.Listeners?.FirstOrDefault() is { } listener ? ForwardOf(listener) : null;
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Waits for a Forward in progress on the listener, then reads it live (to tell a hand edit from a switch
    /// that was half done when a cached read saw it).</summary>
    public async Task<ListenerObserved?> ReadSettledAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var gate = await EnterAsync(listenerArn, cancellationToken).ConfigureAwait(false);
        try
        {
            return await Reader.ReadAsync(listenerArn, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(gate);
        }
    }

    private async Task<ListenerForward> SetForwardAsync(string listenerArn, ListenerForward forward, CancellationToken cancellationToken, bool weighted = false)
    {
        var gate = await EnterAsync(listenerArn, cancellationToken).ConfigureAwait(false);
        try
        {
            // The record first: a crash between the two calls leaves a listener that looks edited (reported, and put
            // right when the release repeats its step), never a hand edit that looks like ebops' own.
            await elbv2.AddTagsAsync(new() { ResourceArns = [listenerArn], Tags = [new Tag { Key = Elbv2Tags.Forward, Value = forward.TagValue }] }, cancellationToken).ConfigureAwait(false);
            var response = await elbv2.ModifyListenerAsync(new()
            {
                ListenerArn = listenerArn,
                DefaultActions = [weighted ? WeightedAction(forward) : ForwardAction(forward)],
            }, cancellationToken).ConfigureAwait(false);
            Reader.Invalidate(listenerArn);
            Remember(listenerArn);
            Log.ListenerForwarded(logger, listenerArn, forward.ToString());
            return response.Listeners?.FirstOrDefault() is { } listener && ForwardOf(listener) is { } now ? now : forward;
        }
        finally
        {
            Leave(gate);
        }
    }

    /// <summary>Takes the listener's gate (one Forward or settled read at a time), counted in <see cref="Waiting"/> while held back.</summary>
    private async Task<CountedGate> EnterAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var gate = forwarding.GetOrAdd(listenerArn, _ => new CountedGate());
        await gate.EnterAsync(WaitStarted, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref holding);
        return gate;
    }

    private void Leave(CountedGate gate)
    {
        Interlocked.Decrement(ref holding);
        gate.Release();
    }

    private async Task<ListenerObserved?> FindOwnAsync(ListenerDesired desired, CancellationToken cancellationToken)
    {
        var existing = await ReadAsync(desired, ReadMode.Live, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        return desired.Owner.Owns(existing.Tags, ListenerDesired.Component)
            ? existing
            : throw Elbv2Tags.Conflict("listener", $"{existing.Arn} (port {existing.Port})", existing.Tags);
    }

    private async Task<IReadOnlyList<ListenerObserved>> ReadAllOfAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var listeners = new List<Listener>();
        try
        {
            await foreach (var listener in elbv2.DescribeListenersAllAsync(new() { LoadBalancerArn = loadBalancerArn }, cancellationToken).ConfigureAwait(false))
            {
                listeners.Add(listener);
            }
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return [];
        }

        var tags = await Elbv2Tags.ReadAsync(elbv2, [.. listeners.Select(l => l.ListenerArn ?? "")], cancellationToken).ConfigureAwait(false);
        var observed = listeners.Select(l => ToObserved(l, Elbv2Tags.Of(tags, l.ListenerArn ?? ""))).ToList();
        observed.ForEach(l => Remember(l.Arn));
        return observed;
    }

    private async Task<ListenerObserved?> LoadOneAsync(string arn, CancellationToken cancellationToken)
    {
        try
        {
            var response = await elbv2.DescribeListenersAsync(new() { ListenerArns = [arn] }, cancellationToken).ConfigureAwait(false);
            if (response.Listeners?.FirstOrDefault() is not { } listener)
            {
                return null;
            }

            Remember(arn);
            return ToObserved(listener, Elbv2Tags.ToDictionary(await elbv2.GetTagsAsync(arn, cancellationToken).ConfigureAwait(false)));
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            Forget(arn);
            return null;
        }
    }

    private async Task<IReadOnlyList<ListenerObserved>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<ListenerObserved>();
        foreach (var chunk in known.Keys.Order(StringComparer.Ordinal).Chunk(Elbv2Statuses.DescribeTagsMaxArns))
        {
            try
            {
                var response = await elbv2.DescribeListenersAsync(new() { ListenerArns = chunk }, cancellationToken).ConfigureAwait(false);
                var listeners = (response.Listeners ?? []).Where(l => l.ListenerArn is not null).ToList();
                var tags = await Elbv2Tags.ReadAsync(elbv2, [.. listeners.Select(l => l.ListenerArn!)], cancellationToken).ConfigureAwait(false);
                all.AddRange(listeners.Select(l => ToObserved(l, Elbv2Tags.Of(tags, l.ListenerArn!))));
            }
            catch (AwsApiException e) when (e.IsNotFound)
            {
                // One of them was deleted: the others are read one by one (a rare, self-healing path).
                foreach (var arn in chunk)
                {
                    if (await LoadOneAsync(arn, cancellationToken).ConfigureAwait(false) is { } one)
                    {
                        all.Add(one);
                    }
                }
            }
        }

        return all;
    }

    private void Remember(string arn) => known.TryAdd(arn, 0);

    /// <summary>Forgets a listener that is gone: its gate (a caller holding it still releases its own) and its ARN.</summary>
    private void Forget(string arn)
    {
        known.TryRemove(arn, out _);
        forwarding.TryRemove(arn, out _);
    }

    private static Aws.Elbv2.Action ForwardAction(ListenerForward forward) => forward.TargetGroups.Count == 1
        ? new() { Type = Elbv2Statuses.ActionForward, TargetGroupArn = forward.TargetGroups[0].TargetGroupArn }
        : WeightedAction(forward);

    private static Aws.Elbv2.Action WeightedAction(ListenerForward forward) => new()
    {
        Type = Elbv2Statuses.ActionForward,
        ForwardConfig = new ForwardConfig
        {
            TargetGroups = [.. forward.TargetGroups.Select(g => new ForwardConfigTargetGroup { TargetGroupArn = g.TargetGroupArn, Weight = g.Weight })],
        },
    };

    private static ListenerForward? ForwardOf(Listener listener)
    {
        var action = (listener.DefaultActions ?? []).Where(a => a.Type == Elbv2Statuses.ActionForward).OrderBy(a => a.Order ?? int.MaxValue).FirstOrDefault();
        if (action?.ForwardConfig?.TargetGroups is { Count: > 0 } groups)
        {
            return new ListenerForward([.. groups.Where(g => g.TargetGroupArn is not null).Select(g => new WeightedTargetGroup(g.TargetGroupArn!, g.Weight ?? 1))]);
        }

        return action?.TargetGroupArn is { } arn ? ListenerForward.To(arn) : null;
    }

    private static ListenerObserved ToObserved(Listener listener, IReadOnlyDictionary<string, string> tags) => new(
        listener.ListenerArn ?? "",
        listener.LoadBalancerArn ?? "",
        listener.Port,
        listener.Protocol,
        ForwardOf(listener),
        tags);
}
