using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Tests.Kube.Validation.Crds;

/// <summary>A valid one-version CRD to break in one place, and a path-based editor for it.</summary>
internal static class CrdFixture
{
    public const string Schema = "spec.versions[0].schema.openAPIV3Schema";

    public const string Spec = Schema + ".properties.spec";

    private const string Yaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.test.ebops.io
        spec:
          group: test.ebops.io
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList, shortNames: [gdg], categories: [ebops]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                  spec:
                    type: object
                    required: [size]
                    x-kubernetes-validations:
                    - {rule: self.size <= self.limit, message: spec.size must not exceed spec.limit, fieldPath: .size}
                    properties:
                      size: {type: integer, minimum: 1}
                      limit: {type: integer, default: 10}
                      mode: {type: string, enum: [Fast, Slow], default: Slow}
                      name: {type: string, maxLength: 20, x-kubernetes-validations: [{rule: self == oldSelf, message: spec.name is immutable}]}
                      tags: {type: array, maxItems: 8, x-kubernetes-list-type: set, items: {type: string, maxLength: 10}}
                      ports:
                        type: array
                        maxItems: 8
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [port]
                        items:
                          type: object
                          required: [port]
                          properties:
                            port: {type: integer}
                            name: {type: string, maxLength: 15}
                  status:
                    type: object
                    properties:
                      phase: {type: string, maxLength: 20}
        """;

    /// <summary>The CRD with the v1 defaults the apiserver applies, as admission sees it.</summary>
    public static JsonObject Crd()
    {
        var crd = YamlDocuments.LoadObject(Yaml);
        CrdSupport.ApplyDefaults(crd);
        return crd;
    }

    /// <summary>Sets (or, with null, removes) the node at a dotted path with [i] indexes.</summary>
    public static JsonObject Set(this JsonObject crd, string path, JsonNode? value)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = crd;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = Step(node, steps[i]) ?? throw new InvalidOperationException($"{path}: no {steps[i]}");
        }

        var last = steps[^1];
        if (last.StartsWith('['))
        {
            var array = node.AsArray();
            var index = int.Parse(last[1..^1], CultureInfo.InvariantCulture);
            if (value is null)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (value is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node.AsObject()[last] = value;
        }

        return crd;
    }

    public static JsonNode Yamlish(string yaml) => YamlDocuments.LoadObject("v: " + yaml)["v"]!.DeepClone();

    private static JsonNode? Step(JsonNode node, string step) =>
        step.StartsWith('[') ? node.AsArray()[int.Parse(step[1..^1], CultureInfo.InvariantCulture)] : node[step];
}
