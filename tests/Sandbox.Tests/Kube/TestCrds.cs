namespace Ebops.Sandbox.Tests.Kube;

/// <summary>A small test CRD: Widget (test.ebops.io/v1), status subresource, printer columns, a default and a minimum.</summary>
internal static class TestCrds
{
    public const string Widget = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.test.ebops.io" },
          "spec": {
            "group": "test.ebops.io",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList", "shortNames": ["wdg"], "categories": ["ebops"] },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "additionalPrinterColumns": [
                { "name": "Size", "type": "integer", "jsonPath": ".spec.size" },
                { "name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status" },
                { "name": "Color", "type": "string", "priority": 1, "jsonPath": ".spec.color" },
                { "name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp" }
              ],
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "description": "A Widget is a test kind.",
                "properties": {
                  "spec": {
                    "type": "object", "description": "The desired widget.", "required": ["size"],
                    "x-kubernetes-validations": [{ "rule": "self.size <= 100", "message": "too big" }],
                    "properties": {
                      "size": { "type": "integer", "minimum": 1, "description": "How big the widget is." },
                      "color": { "type": "string", "default": "blue", "description": "The colour." },
                      "labels": { "type": "object", "additionalProperties": { "type": "string" } }
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": {
                      "observedGeneration": { "type": "integer" },
                      "conditions": { "type": "array", "items": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } }
                    }
                  }
                }
              } }
            }]
          }
        }
        """;
}
