using k8s;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube;
using Ebops.Sandbox.Kube.Selectors;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class ListTests
{
    [Theory]
    [InlineData("env=prod", "a")]
    [InlineData("env==prod", "a")]
    [InlineData("env!=prod", "b,c")]
    [InlineData("env in (prod,dev)", "a,b")]
    [InlineData("env notin (prod)", "b,c")]
    [InlineData("env", "a,b")]
    [InlineData("!env", "c")]
    [InlineData("env,tier=web", "a")]
    public void Label_selector_operators(string selector, string expected)
    {
        var objects = new Dictionary<string, Dictionary<string, string>>
        {
            ["a"] = new() { ["env"] = "prod", ["tier"] = "web" },
            ["b"] = new() { ["env"] = "dev" },
            ["c"] = new() { ["tier"] = "web" },
        };
        var parsed = LabelSelector.Parse(selector);
        Assert.Equal(expected, string.Join(',', objects.Where(o => parsed.Matches(o.Value)).Select(o => o.Key)));
    }

    [Fact]
    public async Task Limit_and_continue_page_through_in_name_order()
    {
        await using var h = await EmulatorHarness.StartAsync();
        foreach (var name in new[] { "e", "a", "d", "c", "b" })
        {
            await h.CreateWidgetAsync(name);
        }
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (_, page, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=2" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token)));
            names.AddRange(page["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
            token = page["metadata"]!["continue"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);
        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Continue_token_older_than_the_event_window_is_410()
    {
        await using var h = await EmulatorHarness.StartAsync(new KubeEmulatorOptions { WatchCacheSize = 3 });
        await h.CreateWidgetAsync("a");
        await h.CreateWidgetAsync("b");
        var (_, page, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=1");
        var token = page["metadata"]!["continue"]!.GetValue<string>();
        foreach (var name in new[] { "c", "d", "e", "f" })
        {
            await h.CreateWidgetAsync(name);
        }
        var (status, body, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=1&continue=" + Uri.EscapeDataString(token));
        Assert.Equal(410, status);
        Assert.Equal("Expired", body["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_lists_across_namespaces()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces", JsonNode.Parse("""{"metadata":{"name":"other"}}"""));
        await h.CreateWidgetAsync("a");
        await h.CreateWidgetAsync("b", ns: "other");
        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath("other") + "/b", JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}}}"""), "application/merge-patch+json");

        var all = await h.Client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>("test.ebops.io", "v1", "widgets", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, all["items"]!.AsArray().Count);
        var labelled = await h.Client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>("test.ebops.io", "v1", "widgets", labelSelector: "app=x", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("b", Assert.Single(labelled["items"]!.AsArray())!["metadata"]!["name"]!.GetValue<string>());
        var byName = await h.Client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>("test.ebops.io", "v1", "widgets", fieldSelector: "metadata.name=a", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("default", Assert.Single(byName["items"]!.AsArray())!["metadata"]!["namespace"]!.GetValue<string>());
        var byNamespace = await h.Client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>("test.ebops.io", "v1", "widgets", fieldSelector: "metadata.namespace!=default", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("b", Assert.Single(byNamespace["items"]!.AsArray())!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("WidgetList", all["kind"]!.GetValue<string>());
        Assert.NotNull(all["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Continued_pages_show_the_state_at_the_first_pages_resource_version()
    {
        await using var h = await EmulatorHarness.StartAsync();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await h.CreateWidgetAsync(name);
        }
        var (_, first, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=2");
        var version = first["metadata"]!["resourceVersion"]!.GetValue<string>();
        var token = first["metadata"]!["continue"]!.GetValue<string>();

        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/c", JsonNode.Parse("""{"spec":{"size":9}}"""), "application/merge-patch+json");
        await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/d");
        await h.CreateWidgetAsync("bb");

        var (_, second, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?limit=2&continue=" + Uri.EscapeDataString(token));
        var items = second["items"]!.AsArray();
        Assert.Equal(["c", "d"], items.Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal(3, items[0]!["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(version, second["metadata"]!["resourceVersion"]!.GetValue<string>());

        var (_, exact, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath() + $"?resourceVersion={version}&resourceVersionMatch=Exact");
        Assert.Equal(["a", "b", "c", "d"], exact["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
        var (_, now, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath());
        Assert.Equal(["a", "b", "bb", "c"], now["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
    }
}
