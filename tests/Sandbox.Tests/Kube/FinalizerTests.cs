using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class FinalizerTests
{
    private static JsonObject Finalizers(params string[] names) =>
        new() { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) } };

    [Fact]
    public async Task Delete_with_a_finalizer_marks_the_object_and_removing_the_last_finalizer_removes_it()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var path = EmulatorHarness.WidgetsPath() + "/w1";
        await h.SendAsync(HttpMethod.Patch, path, Finalizers("test/a", "test/b"), "application/merge-patch+json");

        var (status, deleting, _) = await h.SendAsync(HttpMethod.Delete, path);
        Assert.Equal(200, status);
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, deleting["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());
        var (stillThere, _, _) = await h.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, stillThere);

        var (forbidden, body, _) = await h.SendAsync(HttpMethod.Patch, path, Finalizers("test/a", "test/b", "test/c"), "application/merge-patch+json");
        Assert.Equal(422, forbidden);
        Assert.Contains("no new finalizers can be added if the object is being deleted", body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await h.SendAsync(HttpMethod.Patch, path, Finalizers("test/b"), "application/merge-patch+json");
        var (afterOne, _, _) = await h.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, afterOne);
        await h.SendAsync(HttpMethod.Patch, path, Finalizers(), "application/merge-patch+json");
        var (gone, _, _) = await h.SendAsync(HttpMethod.Get, path);
        Assert.Equal(404, gone);
    }

    [Fact]
    public async Task Delete_without_finalizers_removes_at_once()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var (status, _, _) = await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/w1?propagationPolicy=Background");
        Assert.Equal(200, status);
        var (gone, _, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "/w1");
        Assert.Equal(404, gone);
        var (again, body, _) = await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/w1");
        Assert.Equal(404, again);
        Assert.Equal("NotFound", body["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_objects_and_waits_for_their_finalizers()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces", JsonNode.Parse("""{"metadata":{"name":"team"}}"""));
        await h.CreateWidgetAsync("plain", ns: "team");
        await h.CreateWidgetAsync("held", ns: "team");
        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath("team") + "/held", Finalizers("test/a"), "application/merge-patch+json");

        var (_, ns, _) = await h.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/team");
        Assert.Equal("Terminating", ns["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(404, (await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath("team") + "/plain")).Status);
        var (_, held, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath("team") + "/held");
        Assert.NotNull(held["metadata"]!["deletionTimestamp"]);
        var (forbidden, _, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath("team"), EmulatorHarness.Widget("new", ns: "team"));
        Assert.Equal(403, forbidden);

        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath("team") + "/held", Finalizers(), "application/merge-patch+json");
        Assert.Equal(404, (await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/team")).Status);
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var options = JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"not-the-uid"}}""");
        var (status, _, _) = await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/w1", options);
        Assert.Equal(409, status);
    }

    [Fact]
    public async Task Deleting_an_owner_deletes_its_dependents()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var owner = await h.CreateWidgetAsync("owner");
        var uid = owner["metadata"]!["uid"]!.GetValue<string>();
        var secret = JsonNode.Parse($$$"""
            {"metadata":{"name":"conn","ownerReferences":[{"apiVersion":"test.ebops.io/v1","kind":"Widget","name":"owner","uid":"{{{uid}}}","controller":true}]},
             "stringData":{"password":"x"}}
            """);
        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets", secret);
        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets", JsonNode.Parse("""{"metadata":{"name":"unrelated"}}"""));

        await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/owner");

        Assert.Equal(404, (await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/secrets/conn")).Status);
        Assert.Equal(200, (await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/secrets/unrelated")).Status);
    }
}
