using Ebops.Operator.Entities;
using k8s.Models;

namespace Ebops.Bench.Runtime;

/// <summary>The benchmark's kind: an empty spec, the shared status.</summary>
[KubernetesEntity(Group = "bench.ebops.io", ApiVersion = "v1", Kind = "Item", PluralName = "items")]
public sealed class Item : CustomResource<ItemSpec, ResourceStatus>
{
    public const string Crd = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "items.bench.ebops.io" },
          "spec": {
            "group": "bench.ebops.io",
            "scope": "Namespaced",
            "names": { "plural": "items", "singular": "item", "kind": "Item", "listKind": "ItemList" },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": { "type": "object", "properties": { "index": { "type": "integer" } } },
                  "status": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
                }
              } }
            }]
          }
        }
        """;
}
