using System.Text.Json.Nodes;
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
        var created = await store.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "owner-connection",
                NamespaceProperty = bed.Namespace,
                OwnerReferences = [new V1OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = "owner", Uid = owner.Metadata.Uid, Controller = true }],
            },
            StringData = new Dictionary<string, string> { ["password"] = "pa55word", ["host"] = "db.example" },
        }, Ct);
        var conflict = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => store.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "owner-connection", NamespaceProperty = bed.Namespace },
        }, Ct));
        Assert.True(ApiErrors.IsConflict(conflict));
        var data = (await store.ReadAsync(bed.Namespace, "owner-connection", Ct))!;
        Assert.Equal("pa55word", System.Text.Encoding.UTF8.GetString(data["password"]));
        Assert.Null(await store.ReadAsync(bed.Namespace, "missing", Ct));
        // The store's own requests (two creates, two reads); the runtime may write something else meanwhile (under load
        // a write of the owner's reconcile can land after Clear), which is not the store's.
        Assert.Equal(4, runtime.Requests.Requests.Count(r => r.Contains("/secrets", StringComparison.Ordinal)));

        // The watch delivers it to the cache (without its values) and re-queues the owner.
        await runtime.ReconciledTimesAsync("owner", reconciled + 1, Ct);
        var cached = cache.Get(bed.Namespace, "owner-connection")!;
        Assert.Equal(created.Metadata.ResourceVersion, cached.ResourceVersion);
        Assert.Equal(SecretHashes.Of("pa55word"), cached.KeyHashes["password"]);
        Assert.Equal("owner", Assert.Single(cached.OwnerReferences).Name);

        var patched = await store.PatchAsync(bed.Namespace, "owner-connection",
            new JsonObject { ["stringData"] = new JsonObject { ["password"] = "n3w" }, ["data"] = new JsonObject { ["host"] = null } }, Ct);
        Assert.False(patched.Data.ContainsKey("host"));
        await runtime.ReconciledTimesAsync("owner", reconciled + 2, Ct);
        Assert.Equal(SecretHashes.Of("n3w"), cache.Get(bed.Namespace, "owner-connection")!.KeyHashes["password"]);
    }
}
