using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// One random change to a manifest: <see cref="Pick"/> chooses a node of <c>spec</c> (modulo their number) and
/// <see cref="ValuePick"/> the value from the pools (modulo their size), as <see cref="Mode"/> says; for
/// <see cref="MutationMode.Annotation"/>, the annotation <see cref="Annotation"/> is set to <see cref="AnnotationValue"/>.
/// </summary>
internal sealed record SpecMutation(MutationMode Mode, int Pick, int ValuePick, string? Annotation = null, string? AnnotationValue = null)
{
    private static readonly long[] Numbers = [-1, 0, 1, 2, 5, 10, 20, 80, 100, 300, 3306, 65535, 65536, 100_000, int.MaxValue];

    private static readonly string[] Strings =
    [
        "", "x", "a-b", "UPPER_case", new string('a', 300), "db.t3.large", "db.m5.24xlarge", "8.0.35", "5.7", "mysql8.0", "postgres16", "t3.micro",
        "Asia/Tokyo", "UTC", "Asia/Nowhere", "subnet-0ccc3333dddd44440", "subnet-00000000", "vpc-0a1b2c3d4e5f67890", "sg-1", "/health", "health",
        "HTTP", "TCP", "NlbWeighted", "CnameSwap", "Manual", "MaintenanceWindow", "Immediate", "Ok", "Severe", "200-399", "500", "eb-health",
        "1.0.2", "myapp", "other-app", "s3://bucket/key", "203.0.113.0/24", "0.0.0.0/0", "10.0.0.0/33", "30s", "true",
    ];

    private static readonly Func<JsonNode?>[] AnyValues =
        [() => -1, () => 0, () => 65536, () => "", () => "x", () => true, () => new JsonArray(), () => new JsonObject(), () => 2.5, () => new JsonArray("x")];

    /// <summary>Applies the change to <paramref name="manifest"/>; returns what it did, for failure messages.</summary>
    public string ApplyTo(JsonObject manifest)
    {
        if (Mode == MutationMode.Annotation)
        {
            var metadata = manifest["metadata"]!.AsObject();
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations[Annotation!] = AnnotationValue;
            return $"metadata.annotations[{Annotation}] = {AnnotationValue}";
        }

        var nodes = new List<(JsonNode Parent, string? Key, int Index, string Path, JsonNode Node)>();
        Collect(manifest["spec"]!, "spec", nodes);
        var (parent, key, index, path, node) = nodes[Pick % nodes.Count];
        var value = Mode switch
        {
            MutationMode.Remove => null,
            MutationMode.AnyValue => AnyValues[ValuePick % AnyValues.Length](),
            _ => SameType(node),
        };
        if (parent is JsonObject obj)
        {
            if (value is null)
            {
                obj.Remove(key!);
            }
            else
            {
                obj[key!] = value;
            }
        }
        else if (parent is JsonArray array)
        {
            if (value is null)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = value;
            }
        }

        return $"{path} = {value?.ToJsonString() ?? "(removed)"}";
    }

    private JsonNode? SameType(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                var shorter = array.DeepClone().AsArray();
                if (shorter.Count > 0)
                {
                    shorter.RemoveAt(ValuePick % shorter.Count);
                }

                return shorter;
            case JsonObject obj:
                var fewer = obj.DeepClone().AsObject();
                if (fewer.Count > 0)
                {
                    fewer.Remove(fewer.ElementAt(ValuePick % fewer.Count).Key);
                }

                return fewer;
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.Number => Numbers[ValuePick % Numbers.Length],
                    JsonValueKind.True => false,
                    JsonValueKind.False => true,
                    _ => Strings[ValuePick % Strings.Length],
                };
        }
    }

    /// <summary>Every node under <paramref name="node"/> (objects, arrays and scalars), with its parent.</summary>
    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string, JsonNode)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        into.Add((obj, key, -1, $"{path}.{key}", child));
                        Collect(child, $"{path}.{key}", into);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        into.Add((array, null, i, $"{path}[{i}]", child));
                        Collect(child, $"{path}[{i}]", into);
                    }
                }

                break;
        }
    }
}
