using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube;
using k8s;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class WatchTests
{
    private static readonly JsonObject Finalizer = JsonNode.Parse("""{"metadata":{"finalizers":["test/f"]}}""")!.AsObject();

    private static async Task<string> ListVersionAsync(EmulatorHarness h)
    {
        var (_, list, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath());
        return list["metadata"]!["resourceVersion"]!.GetValue<string>();
    }

    [Fact]
    public async Task Watch_from_a_list_version_replays_later_changes_in_order()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        var rv = await ListVersionAsync(h);
        await h.CreateWidgetAsync("b");
        await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/a", JsonNode.Parse("""{"spec":{"size":9}}"""), "application/merge-patch+json");
        await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/b");

        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        Assert.Equal(("ADDED", "b"), await watch.NextTypeAndNameAsync());
        Assert.Equal(("MODIFIED", "a"), await watch.NextTypeAndNameAsync());
        Assert.Equal(("DELETED", "b"), await watch.NextTypeAndNameAsync());

        await h.CreateWidgetAsync("c");
        Assert.Equal(("ADDED", "c"), await watch.NextTypeAndNameAsync());
    }

    [Fact]
    public async Task Watch_without_a_version_starts_with_the_current_objects()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        await using var watch = await WatchStream.OpenAsync(h.Http, "/apis/test.ebops.io/v1/watch/namespaces/default/widgets");
        Assert.Equal(("ADDED", "a"), await watch.NextTypeAndNameAsync());
        await h.SendAsync(HttpMethod.Delete, EmulatorHarness.WidgetsPath() + "/a");
        Assert.Equal(("DELETED", "a"), await watch.NextTypeAndNameAsync());
    }

    [Fact]
    public async Task Bookmarks_arrive_on_the_interval_and_at_the_timeout_then_the_watch_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var h = await EmulatorHarness.StartAsync(new KubeEmulatorOptions { TimeProvider = time, BookmarkInterval = TimeSpan.FromSeconds(10) });
        var rv = await ListVersionAsync(h);
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + $"?watch=true&allowWatchBookmarks=true&timeoutSeconds=15&resourceVersion={rv}");
        await h.CreateWidgetAsync("a");
        Assert.Equal(("ADDED", "a"), await watch.NextTypeAndNameAsync());
        var current = await ListVersionAsync(h);

        time.Advance(TimeSpan.FromSeconds(10));
        var bookmark = await watch.NextAsync();
        Assert.Equal("BOOKMARK", bookmark!["type"]!.GetValue<string>());
        Assert.Equal(current, bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("Widget", bookmark["object"]!["kind"]!.GetValue<string>());

        time.Advance(TimeSpan.FromSeconds(5));
        var last = await watch.NextAsync();
        Assert.Equal("BOOKMARK", last!["type"]!.GetValue<string>());
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_from_a_version_older_than_the_window_gets_a_410_error_event()
    {
        await using var h = await EmulatorHarness.StartAsync(new KubeEmulatorOptions { WatchCacheSize = 2 });
        var rv = await ListVersionAsync(h);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await h.CreateWidgetAsync(name);
        }
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", error!["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());
        Assert.StartsWith($"too old resource version: {rv} (", error["object"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // KubernetesClient reports it through onError, not as an event.
        Exception? reported = null;
        var events = h.Client.CustomObjects.WatchListNamespacedCustomObjectAsync("test.ebops.io", "v1", "default", "widgets",
            allowWatchBookmarks: true, resourceVersion: rv, onError: e => reported = e, cancellationToken: TestContext.Current.CancellationToken);
        await foreach (var _ in events)
        {
        }
        Assert.Contains("too old resource version", reported?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_resource_type_keeps_its_own_window_so_other_types_writes_do_not_expire_a_watch()
    {
        await using var h = await EmulatorHarness.StartAsync(new KubeEmulatorOptions { WatchCacheSize = 2 });
        var rv = await ListVersionAsync(h);
        await h.CreateWidgetAsync("a");
        for (var i = 0; i < 5; i++)
        {
            await h.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", JsonNode.Parse("{\"metadata\":{\"name\":\"noise-" + i + "\"}}"));
        }

        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        Assert.Equal(("ADDED", "a"), await watch.NextTypeAndNameAsync());
        Assert.Equal((2, 2), h.Emulator.Store.Windows.Single(w => w.Key.EndsWith("/configmaps", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public async Task Label_selected_watch_sees_objects_enter_and_leave_the_selection()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        var rv = await ListVersionAsync(h);
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&labelSelector=app%3Dx&resourceVersion=" + rv);
        var path = EmulatorHarness.WidgetsPath() + "/a";
        await h.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{"metadata":{"labels":{"app":"x"}}}"""), "application/merge-patch+json");
        await h.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{"spec":{"size":5}}"""), "application/merge-patch+json");
        await h.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{"metadata":{"labels":{"app":"y"}}}"""), "application/merge-patch+json");
        Assert.Equal(("ADDED", "a"), await watch.NextTypeAndNameAsync());
        Assert.Equal(("MODIFIED", "a"), await watch.NextTypeAndNameAsync());
        Assert.Equal(("DELETED", "a"), await watch.NextTypeAndNameAsync());
    }

    [Fact]
    public async Task Finalized_deletion_is_seen_as_modified_then_deleted()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        var path = EmulatorHarness.WidgetsPath() + "/a";
        await h.SendAsync(HttpMethod.Patch, path, Finalizer, "application/merge-patch+json");
        var rv = await ListVersionAsync(h);
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        await h.SendAsync(HttpMethod.Delete, path);
        await h.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{"metadata":{"finalizers":null}}"""), "application/merge-patch+json");
        var marked = await watch.NextAsync();
        Assert.Equal("MODIFIED", marked!["type"]!.GetValue<string>());
        Assert.NotNull(marked["object"]!["metadata"]!["deletionTimestamp"]);
        Assert.Equal(2, marked["object"]!["metadata"]!["generation"]!.GetValue<long>());
        var deleted = await watch.NextAsync();
        Assert.Equal("DELETED", deleted!["type"]!.GetValue<string>());
        Assert.Null(deleted["object"]!["metadata"]!["finalizers"]);
    }

    [Fact]
    public async Task Kubernetes_client_watch_receives_typed_events()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var rv = (await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: TestContext.Current.CancellationToken)).Metadata.ResourceVersion;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var events = h.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: rv, cancellationToken: cts.Token);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(new k8s.Models.V1ConfigMap { Metadata = new() { Name = "c" } }, "default", cancellationToken: TestContext.Current.CancellationToken);
        await foreach (var (type, item) in events)
        {
            Assert.Equal(WatchEventType.Added, type);
            Assert.Equal("c", item.Metadata.Name);
            break;
        }
    }

    [Fact]
    public async Task Send_initial_events_ends_with_the_initial_events_end_bookmark()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");
        Assert.Equal(("ADDED", "a"), await watch.NextTypeAndNameAsync());
        var end = await watch.NextAsync();
        Assert.Equal("BOOKMARK", end!["type"]!.GetValue<string>());
        Assert.Equal("true", end["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_as_table_sends_rows()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var rv = await ListVersionAsync(h);
        using var request = new HttpRequestMessage(HttpMethod.Get, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
        using var response = await h.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        await h.CreateWidgetAsync("a", 4);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        var line = JsonNode.Parse((await reader.ReadLineAsync(deadline.Token))!)!;
        Assert.Equal("ADDED", line["type"]!.GetValue<string>());
        Assert.Equal("Table", line["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(4, line["object"]!["rows"]![0]!["cells"]![1]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_the_crd_ends_its_watches_after_the_deleted_events()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("a");
        var rv = await ListVersionAsync(h);
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true&resourceVersion=" + rv);
        await h.SendAsync(HttpMethod.Delete, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.test.ebops.io");
        Assert.Equal(("DELETED", "a"), await watch.NextTypeAndNameAsync());
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Stopping_the_emulator_ends_open_watches()
    {
        var h = await EmulatorHarness.StartAsync();
        await using var watch = await WatchStream.OpenAsync(h.Http, EmulatorHarness.WidgetsPath() + "?watch=true");
        await h.DisposeAsync();
        Assert.Null(await watch.NextAsync());
    }
}
