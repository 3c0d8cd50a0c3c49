using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>The watch cache, the Secret cache and store, ownership and the persisted stall against a real API server.</summary>
public sealed class RuntimeCacheTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Action<IServiceCollection> SecretChecking => s => s.AddController<Widget, SecretCheckingController>();

    [Fact]
    public async Task A_stall_survives_a_restart_and_a_fix_to_the_referenced_secret_ends_it()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await bed.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "creds" },
            StringData = new Dictionary<string, string> { ["user"] = "admin" },
        }, bed.Namespace, cancellationToken: Ct);
        await bed.Widgets.CreateAsync("picky", Ct, secretName: "creds");
        await using (var first = await RuntimeUnderTest.StartAsync(bed, Ct, register: SecretChecking))
        {
            await first.OutcomeAsync("picky", ReconcileOutcome.Stalled, Ct);
        }

        // A new process knows nothing but what status says: the stall holds, nothing is retried.
        await using var second = await RuntimeUnderTest.StartAsync(bed, Ct, register: SecretChecking);
        await second.OutcomeAsync("picky", ReconcileOutcome.StalledSkipped, Ct);
        Assert.Empty(second.Log.Reconciled);

        await bed.Client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("{\"stringData\":{\"token\":\"t0ken\"}}", V1Patch.PatchType.MergePatch), "creds",
            bed.Namespace, cancellationToken: Ct);
        await bed.Widgets.WaitAsync("picky", w => Conditions.IsTrue(w?.Status, ConditionTypes.Ready), "picky is Ready after the fix", Ct);
        Assert.Single(second.Log.Reconciled);
    }

    [Fact]
    public async Task The_secret_store_writes_an_owned_secret_the_cache_summarizes_it_and_its_changes_requeue_the_owner()
    {
        await using var bed = await RuntimeTestBed.StartAsync(Ct);
        await using var runtime = await RuntimeUnderTest.StartAsync(bed, Ct);
        await bed.Widgets.CreateAsync("owner", Ct);
        await runtime.OutcomeAsync("owner", ReconcileOutcome.Done, Ct);
        var owner = (await bed.Widgets.GetAsync("owner", Ct))!;
        var store = runtime.App.Services.GetRequiredService<ISecretStore>();
        var cache = runtime.App.Services.GetRequiredService<ISecretCache>();
        var reconciled = runtime.Outcomes.CountFor("owner");

        runtime.Requests.Clear();
        var created = await store.CreateAsync(bed.Namespace, "owner-connection",
            new SecretContent(new Dictionary<string, string?> { ["password"] = "pa55word", ["host"] = "db.example" })
            {
                Labels = new Dictionary<string, string> { ["app"] = "owner" },
                OwnerReferences = [OwnerReference.ControlledBy(owner)],
            }, Ct);
        Assert.NotNull(created);
        Assert.Equal(SecretSummary.Hash("pa55word"), created.HashOf("password"));
        Assert.Null(await store.CreateAsync(bed.Namespace, "owner-connection", new SecretContent(new Dictionary<string, string?>()), Ct));
        Assert.Equal("pa55word", await store.ReadKeyAsync(bed.Namespace, "owner-connection", "password", Ct));
        Assert.Equal(3, runtime.Requests.Requests.Count);

        // The watch delivers it to the cache (payload-free) and re-queues the owner.
        await runtime.ReconciledTimesAsync("owner", reconciled + 1, Ct);
        var cached = cache.Get(bed.Namespace, "owner-connection")!;
        Assert.Equal(created.ResourceVersion, cached.ResourceVersion);
        Assert.Equal(created.DataHashes, cached.DataHashes);
        Assert.Equal("owner", Assert.Single(cached.OwnerReferences).Name);

        var patched = await store.PatchAsync(bed.Namespace, "owner-connection", new SecretContent(new Dictionary<string, string?> { ["password"] = "n3w", ["host"] = null }), Ct);
        Assert.Equal(SecretSummary.Hash("n3w"), patched!.HashOf("password"));
        Assert.False(patched.HasKey("host"));
        await runtime.ReconciledTimesAsync("owner", reconciled + 2, Ct);
        Assert.Null(await store.PatchAsync(bed.Namespace, "missing", new SecretContent(new Dictionary<string, string?> { ["a"] = "b" }), Ct));
    }
}
