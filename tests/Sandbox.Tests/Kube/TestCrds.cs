using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Tests.Kube;

/// <summary>
/// The test kind's CRD for the emulator's own tests: the shared <see cref="Ebops.Tests.Shared.Widget.Crd"/> (status
/// subresource, printer columns, a default and a minimum) plus what those tests exercise beyond it: a category, a CEL
/// rule (size at most 100, "too big"), a string map (<c>spec.labels</c>) and a structural status schema.
/// </summary>
internal static class TestCrds
{
    public static readonly string Widget = WithEmulatorFeatures(Ebops.Tests.Shared.Widget.Crd);

    private static string WithEmulatorFeatures(string sharedCrd)
    {
        var crd = JsonNode.Parse(sharedCrd)!.AsObject();
        crd["spec"]!["names"]!["categories"] = new JsonArray("ebops");
        var properties = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!;
        var spec = properties["spec"]!;
        spec["x-kubernetes-validations"] = JsonNode.Parse("""[{ "rule": "self.size <= 100", "message": "too big" }]""");
        spec["properties"]!["labels"] = JsonNode.Parse("""{ "type": "object", "additionalProperties": { "type": "string" } }""");
        properties["status"] = JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "observedGeneration": { "type": "integer" },
                "conditions": { "type": "array", "items": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } }
              }
            }
            """);
        return crd.ToJsonString();
    }
}
