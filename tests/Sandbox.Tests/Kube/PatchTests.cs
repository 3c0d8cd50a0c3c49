using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Patching;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class PatchTests
{
    [Fact]
    public void Merge_patch_merges_objects_replaces_lists_and_null_deletes()
    {
        var target = JsonNode.Parse("""{"a":{"b":1,"c":2},"l":[1,2],"x":"y"}""");
        var result = MergePatch.Apply(target, JsonNode.Parse("""{"a":{"b":null,"d":3},"l":[3],"x":null}"""));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":{"c":2,"d":3},"l":[3]}"""), result));
    }

    [Fact]
    public void Json_patch_supports_every_operation()
    {
        var doc = JsonNode.Parse("""{"a":[1,2],"b":{"c":"d"}}""")!;
        var ops = JsonNode.Parse("""
            [{"op":"add","path":"/a/1","value":9},{"op":"add","path":"/a/-","value":3},{"op":"remove","path":"/a/0"},
             {"op":"replace","path":"/b/c","value":"e"},{"op":"copy","from":"/b","path":"/f"},{"op":"move","from":"/b/c","path":"/g"},
             {"op":"test","path":"/g","value":"e"},{"op":"add","path":"/h~1i","value":true}]
            """)!.AsArray();
        var result = JsonPatch.Apply(doc, ops);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[9,2,3],"b":{},"f":{"c":"e"},"g":"e","h/i":true}"""), result), result.ToJsonString());
    }

    [Fact]
    public async Task Json_patch_test_failure_is_422_and_changes_nothing()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var ops = JsonNode.Parse("""[{"op":"replace","path":"/spec/size","value":7},{"op":"test","path":"/spec/size","value":8}]""");
        var (status, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", ops, "application/json-patch+json");
        Assert.Equal(422, status);
        var (_, after, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "/w1");
        Assert.Equal(3, after["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Strategic_merge_on_a_custom_resource_is_415_but_works_on_built_ins()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var (status, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", new JsonObject { ["spec"] = new JsonObject { ["size"] = 2 } }, "application/strategic-merge-patch+json");
        Assert.Equal(415, status);

        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", JsonNode.Parse("""{"metadata":{"name":"c"},"data":{"a":"1","b":"2"}}"""));
        var (ok, cm, _) = await h.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/c", JsonNode.Parse("""{"data":{"a":null,"c":"3"},"$setElementOrder/x":[]}"""), "application/strategic-merge-patch+json");
        Assert.Equal(200, ok);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":"2","c":"3"}"""), cm["data"]));
    }

    [Fact]
    public async Task Server_side_apply_creates_when_missing_then_merges()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var applied = EmulatorHarness.Widget("w1", 2);
        var (created, body, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1?fieldManager=test&force=true", applied, "application/apply-patch+yaml");
        Assert.Equal(201, created);
        Assert.Equal(2, body["spec"]!["size"]!.GetValue<int>());

        var yaml = "apiVersion: test.ebops.io/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 6\n  color: red\n";
        using var request = new HttpRequestMessage(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1?fieldManager=test");
        request.Content = new StringContent(yaml);
        request.Content.Headers.ContentType = new("application/apply-patch+yaml");
        var response = await h.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        var merged = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(6, merged["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("red", merged["spec"]!["color"]!.GetValue<string>());
        Assert.Equal(2, merged["metadata"]!["generation"]!.GetValue<long>());

        var (noManager, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", applied, "application/apply-patch+yaml");
        Assert.Equal(422, noManager);
    }

    [Fact]
    public async Task Client_side_apply_keeps_the_last_applied_annotation()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1");
        body["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = "{\"spec\":{\"size\":3}}" };
        await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath() + "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict", body);
        var patch = JsonNode.Parse("""{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"spec\":{\"size\":4}}"}},"spec":{"size":4}}""");
        var (_, patched, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1?fieldManager=kubectl-client-side-apply&fieldValidation=Strict", patch, "application/merge-patch+json");
        Assert.Equal("{\"spec\":{\"size\":4}}", patched["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>());
        Assert.Equal(4, patched["spec"]!["size"]!.GetValue<int>());
    }

    private static async Task<(int Status, JsonObject Body)> ApplyAsync(EmulatorHarness h, string manager, string spec, bool force = false)
    {
        var body = JsonNode.Parse($$"""{"apiVersion":"test.ebops.io/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{{spec}}}""");
        var (status, result, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + $"/w1?fieldManager={manager}&force={(force ? "true" : "false")}", body, "application/apply-patch+yaml");
        return (status, result);
    }

    [Fact]
    public async Task Server_side_apply_removes_fields_the_manager_stopped_applying_unless_another_manager_owns_them()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await ApplyAsync(h, "a", """{"size":2,"labels":{"x":"1","shared":"s"}}""");
        var (ok, both) = await ApplyAsync(h, "b", """{"labels":{"y":"2","shared":"s"}}""");
        Assert.Equal(200, ok);
        Assert.Equal(3, both["spec"]!["labels"]!.AsObject().Count);
        var managers = both["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>());
        Assert.Equal(["a", "b"], managers.Order());

        var (_, after) = await ApplyAsync(h, "a", """{"size":2}""");
        Assert.Null(after["spec"]!["labels"]!["x"]);
        Assert.Equal("2", after["spec"]!["labels"]!["y"]!.GetValue<string>());
        Assert.Equal("s", after["spec"]!["labels"]!["shared"]!.GetValue<string>());
        Assert.Equal(2, after["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Server_side_apply_conflicts_with_another_managers_value_unless_forced()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await ApplyAsync(h, "a", """{"size":2}""");
        var (same, _) = await ApplyAsync(h, "b", """{"size":2}""");
        Assert.Equal(200, same);

        var (conflict, error) = await ApplyAsync(h, "b", """{"size":3}""");
        Assert.Equal(409, conflict);
        Assert.Equal("Conflict", error["reason"]!.GetValue<string>());
        Assert.Contains("conflict with \"a\"", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(".spec.size", error["details"]!["causes"]![0]!["field"]!.GetValue<string>());

        var (forced, result) = await ApplyAsync(h, "b", """{"size":3}""", force: true);
        Assert.Equal(200, forced);
        Assert.Equal(3, result["spec"]!["size"]!.GetValue<int>());
        // b now owns spec.size: a applying its old value conflicts in turn.
        var (again, _) = await ApplyAsync(h, "a", """{"size":2}""");
        Assert.Equal(409, again);
    }

    [Fact]
    public async Task Server_side_apply_of_status_owns_only_status()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await ApplyAsync(h, "user", """{"size":2}""");
        var status = JsonNode.Parse("""{"apiVersion":"test.ebops.io/v1","kind":"Widget","metadata":{"name":"w1"},"status":{"observedGeneration":1}}""");
        var (code, body, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1/status?fieldManager=controller&force=true", status, "application/apply-patch+yaml");
        Assert.Equal(200, code);
        Assert.Equal(1, body["status"]!["observedGeneration"]!.GetValue<int>());
        Assert.Equal(2, body["spec"]!["size"]!.GetValue<int>());
        Assert.Contains(body["metadata"]!["managedFields"]!.AsArray(), m => m!["manager"]!.GetValue<string>() == "controller" && m["subresource"]!.GetValue<string>() == "status");
    }
}
