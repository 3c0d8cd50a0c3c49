using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Api;

namespace Ebops.Sandbox.Tests.Kube;

/// <summary>The request log records each resource request as kube-apiserver's authorizer sees it.</summary>
public sealed class RequestLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_resource_request_is_logged_with_its_authorization_verb_and_user_agent()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Http.DefaultRequestHeaders.UserAgent.ParseAdd("probe/1.0");
        h.Emulator.Requests.Clear();
        var path = EmulatorHarness.WidgetsPath("default");
        await h.SendAsync(HttpMethod.Post, path, EmulatorHarness.Widget("w1"));
        await h.SendAsync(HttpMethod.Get, path + "/w1");
        await h.SendAsync(HttpMethod.Get, path);
        await h.SendAsync(HttpMethod.Put, path + "/w1/status", (await h.SendAsync(HttpMethod.Get, path + "/w1")).Body);
        await h.SendAsync(HttpMethod.Patch, path + "/w1", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["a"] = "b" } } },
            "application/merge-patch+json");
        await h.SendAsync(HttpMethod.Delete, path + "/w1");
        await h.SendAsync(HttpMethod.Delete, path);
        await h.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/secrets/nope");
        await h.SendAsync(HttpMethod.Get, "/apis");

        var seen = h.Emulator.Requests.All.Select(r => (r.Verb, r.Group, r.ResourcePath, r.Namespace, r.Name)).ToList();
        Assert.Equal(
        [
            ("create", "test.ebops.io", "widgets", "default", null),
            ("get", "test.ebops.io", "widgets", "default", "w1"),
            ("list", "test.ebops.io", "widgets", "default", null),
            ("get", "test.ebops.io", "widgets", "default", "w1"),
            ("update", "test.ebops.io", "widgets/status", "default", "w1"),
            ("patch", "test.ebops.io", "widgets", "default", "w1"),
            ("delete", "test.ebops.io", "widgets", "default", "w1"),
            ("deletecollection", "test.ebops.io", "widgets", "default", null),
            ("get", "", "secrets", "default", "nope"),
        ], seen);
        Assert.All(h.Emulator.Requests.All, r => Assert.Equal("probe/1.0", r.UserAgent));
    }

    [Fact]
    public async Task Watches_are_logged_as_watch_whether_by_query_or_by_path()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Emulator.Requests.Clear();
        using var byQuery = await h.Http.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=0", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var byPath = await h.Http.GetAsync("/api/v1/watch/namespaces/default/configmaps?timeoutSeconds=0", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var clusterWide = await h.Http.GetAsync("/api/v1/secrets?watch=1&timeoutSeconds=0", HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(
            [("watch", "configmaps", "default"), ("watch", "configmaps", "default"), ("watch", "secrets", (string?)null)],
            h.Emulator.Requests.All.Select(r => (r.Verb, r.ResourcePath, r.Namespace)).ToList());
    }

    [Fact]
    public async Task A_wait_completes_with_the_first_matching_request_logged_before_or_after_it()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var path = EmulatorHarness.WidgetsPath("default");
        await h.SendAsync(HttpMethod.Post, path, EmulatorHarness.Widget("w1"));
        var earlier = await h.Emulator.Requests.WaitAsync(r => r.Verb == "create" && r.Resource == "widgets", Ct);
        var later = h.Emulator.Requests.WaitAsync(r => r.Verb == "delete", Ct);
        Assert.False(later.IsCompleted);

        await h.SendAsync(HttpMethod.Delete, path + "/w1");

        Assert.Equal(("create", "widgets"), (earlier.Verb, earlier.ResourcePath));
        Assert.Equal(("delete", "w1"), ((await later).Verb, (await later).Name));
    }
}
