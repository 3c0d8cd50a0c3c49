using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

public sealed class ValidationTests
{
    [Fact]
    public async Task Invalid_custom_resource_is_422_in_the_real_status_shape()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1", 0);
        body["spec"]!["color"] = 5;
        var (status, error, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Equal(422, status);
        Assert.Equal("Status", error["kind"]!.GetValue<string>());
        Assert.Equal("Failure", error["status"]!.GetValue<string>());
        Assert.Equal("Invalid", error["reason"]!.GetValue<string>());
        Assert.Equal(422, error["code"]!.GetValue<int>());
        Assert.Equal("w1", error["details"]!["name"]!.GetValue<string>());
        Assert.Equal("test.ebops.io", error["details"]!["group"]!.GetValue<string>());
        Assert.Equal("Widget", error["details"]!["kind"]!.GetValue<string>());
        var causes = error["details"]!["causes"]!.AsArray();
        Assert.Contains(causes, c => c!["field"]!.GetValue<string>() == "spec.size" && c["reason"]!.GetValue<string>() == "FieldValueInvalid");
        Assert.Contains(causes, c => c!["field"]!.GetValue<string>() == "spec.color");
        var message = error["message"]!.GetValue<string>();
        Assert.StartsWith("Widget.test.ebops.io \"w1\" is invalid: [", message, StringComparison.Ordinal);
        Assert.Contains("spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_field_is_reported()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.Widget("w1");
        body["spec"] = new JsonObject { ["color"] = "red" };
        var (status, error, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), body);
        Assert.Equal(422, status);
        Assert.StartsWith("Widget.test.ebops.io \"w1\" is invalid: ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("spec.size: Required value", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(error["details"]!["causes"]!.AsArray(), c => c!["reason"]!.GetValue<string>() == "FieldValueRequired" && c["field"]!.GetValue<string>() == "spec.size");
    }

    [Fact]
    public async Task Field_validation_strict_rejects_warn_warns_and_ignore_prunes_unknown_fields()
    {
        await using var h = await EmulatorHarness.StartAsync();
        JsonObject WithUnknown(string name)
        {
            var body = EmulatorHarness.Widget(name);
            body["spec"]!["bogus"] = 1;
            return body;
        }

        var (strict, error, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath() + "?fieldValidation=Strict", WithUnknown("s"));
        Assert.Equal(400, strict);
        Assert.Contains("unknown field \"spec.bogus\"", error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var (warn, warned, response) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath() + "?fieldValidation=Warn", WithUnknown("w"));
        Assert.Equal(201, warn);
        Assert.Contains(response.Headers.GetValues("Warning"), v => v.Contains("unknown field \\\"spec.bogus\\\"", StringComparison.Ordinal));
        Assert.Null(warned["spec"]!["bogus"]);

        var (ignore, ignored, ignoreResponse) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath() + "?fieldValidation=Ignore", WithUnknown("i"));
        Assert.Equal(201, ignore);
        Assert.False(ignoreResponse.Headers.Contains("Warning"));
        Assert.Null(ignored["spec"]!["bogus"]);
    }

    [Fact]
    public async Task Cel_rules_are_evaluated_on_create_and_update()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, error, _) = await h.SendAsync(HttpMethod.Post, EmulatorHarness.WidgetsPath(), EmulatorHarness.Widget("w1", 150));
        Assert.Equal(422, status);
        Assert.Contains("too big", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await h.CreateWidgetAsync("w2", 5);
        var (update, _, _) = await h.SendAsync(HttpMethod.Patch, EmulatorHarness.WidgetsPath() + "/w2", JsonNode.Parse("""{"spec":{"size":101}}"""), "application/merge-patch+json");
        Assert.Equal(422, update);
    }

    [Fact]
    public async Task Invalid_crd_is_rejected()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        var crd = JsonNode.Parse(TestCrds.Widget)!.AsObject();
        crd["metadata"]!["name"] = "wrong.name";
        var (status, error, _) = await h.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        Assert.Equal(422, status);
        Assert.Equal("metadata.name", error["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Crd_whose_default_breaks_its_rule_is_rejected_as_kube_apiserver_rejects_it()
    {
        await using var h = await EmulatorHarness.StartAsync(withCrd: false);
        const string crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
        var crd = Ebops.Sandbox.Kube.Validation.YamlDocuments.LoadObject(File.ReadAllText(Validation.RepoCrdTests.FindRepoFile("config", "crds", "ebops.io_beanstalkapps.yaml")));
        var broken = crd.DeepClone().AsObject();
        broken["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["capacity"]!["default"] = new JsonObject();
        const string field = "spec.validation.openAPIV3Schema.properties[spec].properties[capacity].default";
        const string body = "Invalid value: \"object\": no such key: min evaluating rule: spec.capacity.min must be less than or equal to spec.capacity.max";

        var (status, error, _) = await h.SendAsync(HttpMethod.Post, crds, broken);
        Assert.Equal(422, status);
        Assert.Equal($"CustomResourceDefinition.apiextensions.k8s.io \"beanstalkapps.ebops.io\" is invalid: {field}: {body}", error["message"]!.GetValue<string>());
        Assert.Equal("apiextensions.k8s.io", error["details"]!["group"]!.GetValue<string>());
        Assert.Equal("CustomResourceDefinition", error["details"]!["kind"]!.GetValue<string>());
        var cause = Assert.Single(error["details"]!["causes"]!.AsArray())!;
        Assert.Equal(("FieldValueInvalid", field, body), (cause["reason"]!.GetValue<string>(), cause["field"]!.GetValue<string>(), cause["message"]!.GetValue<string>()));

        var (created, stored, _) = await h.SendAsync(HttpMethod.Post, crds, crd);
        Assert.Equal(201, created);
        Assert.Equal("None", stored["spec"]!["conversion"]!["strategy"]!.GetValue<string>());

        // An update is held to the same rules.
        broken["metadata"]!["resourceVersion"] = stored["metadata"]!["resourceVersion"]!.DeepClone();
        var (updated, updateError, _) = await h.SendAsync(HttpMethod.Put, crds + "/beanstalkapps.ebops.io", broken);
        Assert.Equal(422, updated);
        Assert.EndsWith($"{field}: {body}", updateError["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
