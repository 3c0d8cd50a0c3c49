using k8s;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class StatusAndGenerationTests
{
    private static JsonObject StatusPatch(string ready) => new()
    {
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready }),
        },
    };

    [Fact]
    public async Task Create_drops_status_and_the_main_resource_ignores_status_changes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1");
        body["status"] = new JsonObject { ["observedGeneration"] = 7 };
        var (_, created, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Null(created["status"]);

        var (_, patched, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", StatusPatch("True"), "application/merge-patch+json");
        Assert.Null(patched["status"]);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_subresource_changes_only_status_and_does_not_bump_generation()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var patch = StatusPatch("True");
        patch["spec"] = new JsonObject { ["size"] = 50 };
        var (status, body, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1/status", patch, "application/merge-patch+json");
        Assert.Equal(200, status);
        Assert.Equal("True", body["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(3, body["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(1, body["metadata"]!["generation"]!.GetValue<long>());

        var viaClient = await h.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonObject>(
            new k8s.Models.V1Patch(StatusPatch("False").ToJsonString(), k8s.Models.V1Patch.PatchType.MergePatch), "test.ebops.io", "v1", "default", "widgets", "w1",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("False", viaClient["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generation_moves_only_with_spec_changes_and_a_no_op_write_keeps_the_resource_version()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var labels = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["a"] = "b" } } };
        var (_, afterLabels, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", labels, "application/merge-patch+json");
        Assert.Equal(1, afterLabels["metadata"]!["generation"]!.GetValue<long>());

        var spec = new JsonObject { ["spec"] = new JsonObject { ["size"] = 4 } };
        var (_, afterSpec, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", spec, "application/merge-patch+json");
        Assert.Equal(2, afterSpec["metadata"]!["generation"]!.GetValue<long>());

        var (_, again, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w1", spec, "application/merge-patch+json");
        Assert.Equal(2, again["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(afterSpec["metadata"]!["resourceVersion"]!.GetValue<string>(), again["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_subresource_of_a_kind_without_one_is_404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(new k8s.Models.V1ConfigMap { Metadata = new() { Name = "c" } }, "default", cancellationToken: TestContext.Current.CancellationToken);
        var (status, _, _) = await h.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/c/status", new JsonObject(), "application/merge-patch+json");
        Assert.Equal(404, status);
    }
}
