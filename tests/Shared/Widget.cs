using Ebops.Operator.Entities;
using k8s.Models;

namespace Ebops.Tests.Shared;

/// <summary>
/// The test kind (widgets.test.ebops.io): what the runtime needs ([KubernetesEntity], the CustomResource base) and
/// what kubectl shows (printer columns, a short name, a default, descriptions). Its own group, so it never collides
/// with ebops' CRDs on a real cluster.
/// </summary>
[KubernetesEntity(Group = GroupName, ApiVersion = Version, Kind = "Widget", PluralName = Plural)]
public sealed class Widget : CustomResource<WidgetSpec, WidgetStatus>
{
    public const string GroupName = "test.ebops.io";
    public const string Version = "v1";
    public const string Plural = "widgets";

    /// <summary>A new Widget to create through the API (no server fields).</summary>
    public static Widget New(string name, string? ns = "default", int size = 1, string? secretName = null) => new()
    {
        ApiVersion = $"{GroupName}/{Version}",
        Kind = "Widget",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new WidgetSpec { Size = size, SecretName = secretName },
    };

    /// <summary>A manifest for kubectl apply.</summary>
    public static string Manifest(string name, int size, string? color = null) => $"""
        apiVersion: {GroupName}/{Version}
        kind: Widget
        metadata:
          name: {name}
        spec:
          size: {size}
        {(color is null ? "" : $"  color: {color}\n")}
        """;

    public const string Crd = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.test.ebops.io" },
          "spec": {
            "group": "test.ebops.io",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList", "shortNames": ["wdg"] },
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
                "description": "A Widget exists only for the tests.",
                "properties": {
                  "spec": {
                    "type": "object", "description": "The desired widget.", "required": ["size"],
                    "properties": {
                      "size": { "type": "integer", "minimum": 1, "description": "How big the widget is." },
                      "color": { "type": "string", "default": "blue", "description": "The colour of the widget." },
                      "secretName": { "type": "string", "description": "A Secret the widget reads." }
                    }
                  },
                  "status": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
                }
              } }
            }]
          }
        }
        """;
}
