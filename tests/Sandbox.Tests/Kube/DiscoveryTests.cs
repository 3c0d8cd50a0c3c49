using k8s;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Version_and_health_answer()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var version = await h.Client.Version.GetCodeAsync(TestContext.Current.CancellationToken);
        Assert.Equal("1", version.Major);
        var health = await h.Http.GetStringAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal("ok", health);
    }

    [Fact]
    public async Task Crd_creation_starts_serving_its_resource_in_discovery()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var (before, _, _) = await h.SendAsync(HttpMethod.Get, "/apis/test.ebops.io/v1");
        Assert.Equal(404, before);

        await h.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(TestCrds.Widget));

        var groups = await h.Client.Apis.GetAPIVersionsAsync(TestContext.Current.CancellationToken);
        Assert.Contains(groups.Groups, g => g.Name == "test.ebops.io" && g.PreferredVersion.Version == "v1");
        var resources = await h.Client.CustomObjects.GetAPIResourcesAsync("test.ebops.io", "v1", TestContext.Current.CancellationToken);
        var widgets = Assert.Single(resources.Resources, r => r.Name == "widgets");
        Assert.True(widgets.Namespaced);
        Assert.Equal("Widget", widgets.Kind);
        Assert.Equal("widget", widgets.SingularName);
        Assert.Equal(["wdg"], widgets.ShortNames);
        Assert.Equal(["ebops"], widgets.Categories);
        Assert.Contains("watch", widgets.Verbs);
        Assert.Contains(resources.Resources, r => r.Name == "widgets/status");

        var core = await h.Client.CoreV1.GetAPIResourcesAsync(TestContext.Current.CancellationToken);
        Assert.Contains(core.Resources, r => r.Name == "namespaces" && !r.Namespaced);
        Assert.Contains(core.Resources, r => r.Name == "secrets" && r.Namespaced);
    }

    [Fact]
    public async Task Crd_gets_established_status_and_deleting_it_stops_serving_and_removes_objects()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.CreateWidgetAsync("w1");
        var crd = await h.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.ebops.io", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal(["v1"], crd.Status.StoredVersions);

        await h.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.test.ebops.io", cancellationToken: TestContext.Current.CancellationToken);

        var (status, _, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath());
        Assert.Equal(404, status);
        await h.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(
            k8s.KubernetesJson.Deserialize<k8s.Models.V1CustomResourceDefinition>(TestCrds.Widget), cancellationToken: TestContext.Current.CancellationToken);
        var (_, list, _) = await h.SendAsync(HttpMethod.Get, EmulatorHarness.WidgetsPath());
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Openapi_v3_publishes_each_group_version_with_field_validation_and_the_crd_schema()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (_, root, _) = await h.SendAsync(HttpMethod.Get, "/openapi/v3");
        var url = root["paths"]!["apis/test.ebops.io/v1"]!["serverRelativeURL"]!.GetValue<string>();
        Assert.Contains("?hash=", url, StringComparison.Ordinal);
        Assert.NotNull(root["paths"]!["api/v1"]);

        var (status, doc, _) = await h.SendAsync(HttpMethod.Get, url);
        Assert.Equal(200, status);
        var patch = doc["paths"]!["/apis/test.ebops.io/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Equal("Widget", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        var schema = doc["components"]!["schemas"]!["io.ebops.test.v1.Widget"]!;
        Assert.Equal("How big the widget is.", schema["properties"]!["spec"]!["properties"]!["size"]!["description"]!.GetValue<string>());

        var (v2, _, _) = await h.SendAsync(HttpMethod.Get, "/openapi/v2");
        Assert.Equal(404, v2);
    }
}
