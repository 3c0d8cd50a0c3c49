using Ebops.Operator.Entities;
using k8s.Models;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>The kind the runtime tests reconcile (its own group, so it never collides with ebops' CRDs on a real cluster).</summary>
[KubernetesEntity(Group = "runtime-test.ebops.io", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : CustomResource<WidgetSpec, ResourceStatus>
{
    public static Widget Create(string name, string ns, string size = "small") => new()
    {
        ApiVersion = "runtime-test.ebops.io/v1",
        Kind = "Widget",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new WidgetSpec { Size = size },
    };

    public const string Crd = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.runtime-test.ebops.io" },
          "spec": {
            "group": "runtime-test.ebops.io",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList" },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "additionalPrinterColumns": [
                { "name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status" }
              ],
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": { "type": "object", "properties": { "size": { "type": "string" }, "secretName": { "type": "string" } } },
                  "status": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
                }
              } }
            }]
          }
        }
        """;
}
