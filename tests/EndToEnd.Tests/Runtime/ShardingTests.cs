using Ebops.Tests.Shared;
using k8s;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// Two operator replicas with disjoint <c>--label-selector</c>s on one API server (the emulator, or a real cluster
/// with EBOPS_TEST_KUBECONFIG): each elects itself on a Lease of its own, watches only its objects and never reads,
/// writes or reconciles the other shard's.
/// </summary>
public sealed class ShardingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string[] ShardA = ["a-1", "a-2", "a-3"];

    private static readonly string[] ShardB = ["b-1", "b-2", "b-3"];

    private static Task<RuntimeUnderTest> StartShardAsync(RuntimeTestBed bed, string selector) =>
        RuntimeUnderTest.StartAsync(bed, Ct, new Dictionary<string, string?>
        {
            ["Operator:LabelSelector"] = selector,
            ["Operator:LeaderElect"] = "true",
            ["Operator:LeaderElectionNamespace"] = bed.Namespace,
            ["Operator:RetryPeriod"] = "00:00:00.250",
        });

    private static Task CreateAsync(RuntimeTestBed bed, string name, string? shard)
    {
        var widget = Widget.New(name, bed.Namespace);
        if (shard is not null)
        {
            widget.Metadata.Labels = new Dictionary<string, string> { ["shard"] = shard };
        }

        return bed.Widgets.CreateAsync(widget, Ct);
    }

    private static Task ReadyAsync(RuntimeTestBed bed, string name, long generation) =>
        bed.Widgets.WaitAsync(name, w => w?.Status?.ObservedGeneration == generation, $"{name} reconciled at generation {generation}", Ct);

    [Fact]
    public async Task Shards_with_disjoint_selectors_lead_their_own_leases_and_never_touch_each_others_objects()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var a = await StartShardAsync(bed, "shard=a");
        await using var b = await StartShardAsync(bed, "shard=b");
        await KubeWait.SignalAsync(a.Election.BecameLeader, "shard a leads", Ct);
        await KubeWait.SignalAsync(b.Election.BecameLeader, "shard b leads", Ct);

        var leases = (await bed.Client.CoordinationV1.ListNamespacedLeaseAsync(bed.Namespace, cancellationToken: Ct)).Items;
        Assert.Equal(2, leases.Select(l => l.Metadata.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(new[] { a.Election.Identity, b.Election.Identity }.Order(StringComparer.Ordinal),
            leases.Select(l => l.Spec.HolderIdentity).Order(StringComparer.Ordinal));

        foreach (var (name, shard) in ShardA.Select(n => (n, (string?)"a")).Concat(ShardB.Select(n => (n, (string?)"b"))).Append(("unsharded", (string?)null)))
        {
            await CreateAsync(bed, name, shard);
        }

        foreach (var name in ShardA.Concat(ShardB))
        {
            await ReadyAsync(bed, name, 1);
        }

        await bed.Widgets.PatchSpecAsync("a-1", 5, Ct);
        await bed.Widgets.PatchSpecAsync("b-1", 5, Ct);
        await ReadyAsync(bed, "a-1", 2);
        await ReadyAsync(bed, "b-1", 2);
        await bed.Widgets.DeleteAsync("a-2", Ct);
        await bed.Widgets.DeleteAsync("b-2", Ct);
        await bed.Widgets.WaitAsync("a-2", w => w is null, "a-2 is gone", Ct);
        await bed.Widgets.WaitAsync("b-2", w => w is null, "b-2 is gone", Ct);

        var byA = a.Outcomes.Seen.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        var byB = b.Outcomes.Seen.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(ShardA.Order(StringComparer.Ordinal), byA.Order(StringComparer.Ordinal));
        Assert.Equal(ShardB.Order(StringComparer.Ordinal), byB.Order(StringComparer.Ordinal));
        Assert.Empty(byA.Intersect(byB));
        Assert.Equal(["a-2"], a.Log.Finalized);
        Assert.Equal(["b-2"], b.Log.Finalized);

        // The request logs: every read and write of a Widget by one shard names one of its own objects.
        Assert.All(WidgetNames(a), name => Assert.Contains(name, ShardA));
        Assert.All(WidgetNames(b), name => Assert.Contains(name, ShardB));
        Assert.NotEmpty(WidgetNames(a));
        Assert.NotEmpty(WidgetNames(b));
        Assert.Null((await bed.Widgets.GetAsync("unsharded", Ct))!.Status?.ObservedGeneration);
    }

    private static IEnumerable<string> WidgetNames(RuntimeUnderTest shard) =>
        shard.Requests.Requests.Select(r => r.Split(' ')[1].Split('/'))
            .Where(p => (p.Length > 2 && p[^2] == Widget.Plural) || (p.Length > 3 && p[^3] == Widget.Plural))
            .Select(p => p[^2] == Widget.Plural ? p[^1] : p[^2]);
}
