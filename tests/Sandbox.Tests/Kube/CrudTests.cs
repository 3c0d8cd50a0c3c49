using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class CrudTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_fills_server_fields_and_get_returns_the_object()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var created = await h.CreateWidgetAsync("w1");
        var meta = created["metadata"]!;
        Assert.True(Guid.TryParse(meta["uid"]!.GetValue<string>(), out _));
        Assert.Equal(1, meta["generation"]!.GetValue<long>());
        Assert.NotNull(meta["creationTimestamp"]);
        Assert.Equal("blue", created["spec"]!["color"]!.GetValue<string>());

        var read = await h.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("test.ebops.io", "v1", "default", "widgets", "w1", Ct);
        Assert.Equal(meta["resourceVersion"]!.GetValue<string>(), read["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_name_makes_a_unique_name()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("");
        body["metadata"] = new JsonObject { ["generateName"] = "gen-" };
        var (s1, a, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        var (s2, b, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Equal((201, 201), (s1, s2));
        Assert.StartsWith("gen-", a["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(a["metadata"]!["name"]!.GetValue<string>(), b["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_create_is_409_AlreadyExists_and_missing_object_is_404_NotFound()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var (status, body, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), EmulatorHarness.Widget("w1"));
        Assert.Equal(409, status);
        Assert.Equal("AlreadyExists", body["reason"]!.GetValue<string>());
        Assert.Equal("widgets.test.ebops.io \"w1\" already exists", body["message"]!.GetValue<string>());

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.ReadNamespacedConfigMapAsync("nope", "default", cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        var status404 = JsonNode.Parse(e.Response.Content)!;
        Assert.Equal("Status", status404["kind"]!.GetValue<string>());
        Assert.Equal("NotFound", status404["reason"]!.GetValue<string>());
        Assert.Equal("configmaps \"nope\" not found", status404["message"]!.GetValue<string>());
        Assert.Equal(404, status404["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resource_versions_increase_and_a_stale_one_is_409_Conflict_for_put_and_patch()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var created = await h.CreateWidgetAsync("w1");
        var rv1 = long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var update = created.DeepClone().AsObject();
        update["spec"]!["size"] = 4;
        var (s, updated, _) = await h.SendAsync(HttpMethod.Put, EmulatorHarness.WidgetsPath() + "/w1", update);
        Assert.Equal(200, s);
        Assert.True(long.Parse(updated["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > rv1);

        update["spec"]!["size"] = 5; // still carries rv1
        var (conflict, body, _) = await h.SendAsync(HttpMethod.Put, EmulatorHarness.WidgetsPath() + "/w1", update);
        Assert.Equal(409, conflict);
        Assert.Equal("Conflict", body["reason"]!.GetValue<string>());
        Assert.Contains("the object has been modified", body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var stalePatch = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = rv1.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ["spec"] = new JsonObject { ["size"] = 9 } };
        var (patchConflict, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", stalePatch, "application/merge-patch+json");
        Assert.Equal(409, patchConflict);
    }

    [Fact]
    public async Task Built_in_kinds_work_through_the_typed_client()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: Ct);
        var secret = await h.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "db" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2" } }, "team", cancellationToken: Ct);
        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(secret.Data["password"]));
        Assert.Null(secret.StringData);
        Assert.Equal("Opaque", secret.Type);

        await h.Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "team", cancellationToken: Ct);
        var lease = await h.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "team", cancellationToken: Ct);
        Assert.Equal("a", lease.Spec.HolderIdentity);

        await h.Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = "w1." },
            EventTime = DateTime.UtcNow,
            ReportingController = "ebops",
            ReportingInstance = "ebops-1",
            Action = "Reconcile",
            Reason = "Created",
            Type = "Normal",
            Regarding = new V1ObjectReference { Kind = "Widget", Name = "w1", NamespaceProperty = "team" },
        }, "team", cancellationToken: Ct);
        var events = await h.Client.EventsV1.ListNamespacedEventAsync("team", cancellationToken: Ct);
        Assert.Equal("Created", Assert.Single(events.Items).Reason);

        var ns = await h.Client.CoreV1.ReadNamespaceAsync("team", cancellationToken: Ct);
        Assert.Equal("Active", ns.Status.Phase);
        var all = await h.Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);
        Assert.Contains(all.Items, n => n.Metadata.Name == "default");
        Assert.Contains(all.Items, n => n.Metadata.Name == "kube-system");
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_404_and_an_invalid_name_is_422()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (missing, body, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath("nowhere"), EmulatorHarness.Widget("w1", ns: "nowhere"));
        Assert.Equal(404, missing);
        Assert.Equal("namespaces \"nowhere\" not found", body["message"]!.GetValue<string>());
        var (invalid, invalidBody, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), EmulatorHarness.Widget("Bad_Name"));
        Assert.Equal(422, invalid);
        Assert.Equal("metadata.name", invalidBody["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_create_persists_nothing()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath() + "?dryRun=All", EmulatorHarness.Widget("w1"));
        Assert.Equal(201, status);
        Assert.Equal("w1", body["metadata"]!["name"]!.GetValue<string>());
        var (get, _, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "/w1");
        Assert.Equal(404, get);
    }

    [Fact]
    public async Task Metadata_only_clients_get_partial_object_metadata()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        const string Accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";
        var (_, list, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath(), accept: Accept);
        Assert.Equal("PartialObjectMetadataList", list["kind"]!.GetValue<string>());
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal("PartialObjectMetadata", item["kind"]!.GetValue<string>());
        Assert.Equal("w1", item["metadata"]!["name"]!.GetValue<string>());
        Assert.Null(item["spec"]);
        var (_, one, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "/w1", accept: Accept);
        Assert.Equal("PartialObjectMetadata", one["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("app", "bad value!")]
    [InlineData("app", "a-value-that-is-far-too-long-to-be-a-label-value-because-it-exceeds-63")]
    [InlineData("bad key", "x")]
    [InlineData("Bad_Prefix/app", "x")]
    public async Task Invalid_labels_are_422(string key, string value)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1");
        body["metadata"]!["labels"] = new JsonObject { [key] = value };
        var (status, error, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Equal(422, status);
        Assert.Equal("metadata.labels", error["details"]!["causes"]![0]!["field"]!.GetValue<string>());

        await h.CreateWidgetAsync("ok");
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [key] = value } } };
        var (patched, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/ok", patch, "application/merge-patch+json");
        Assert.Equal(422, patched);
    }

    [Fact]
    public async Task Valid_prefixed_labels_and_annotations_are_accepted()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1");
        body["metadata"]!["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "shop", ["empty"] = "" };
        body["metadata"]!["annotations"] = new JsonObject { ["ebops.io/paused"] = "true", ["note"] = "any text, even spaces!" };
        var (status, _, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Equal(201, status);
    }
}
