using System.Text.Json.Nodes;
using Ebops.Operator.Resources;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// The AWS objects ebops owns, counted from the simulator's state (<c>/_sim/state</c>): every object whose tags carry
/// the ownership keys, grouped by where it lives (e.g. <c>rds.instances</c>, <c>ec2.addresses</c>) and by owner and
/// component (kind, namespace, name, <c>ebops.io/component</c>). A duplicate is a second live object of the same type
/// for the same owner and component: what a create that did not find the first one would leave behind.
/// </summary>
internal sealed class AwsInventory
{
    private static readonly HashSet<string> Gone = new(StringComparer.OrdinalIgnoreCase) { "Terminated", "terminated", "deleted", "released" };

    private AwsInventory(IReadOnlyDictionary<(string Type, string Owner), int> owned) => Owned = owned;

    /// <summary>Live objects per (type, owner/component).</summary>
    public IReadOnlyDictionary<(string Type, string Owner), int> Owned { get; }

    /// <summary>Objects beyond the first per type, owner and component.</summary>
    public int Duplicates => Owned.Values.Sum(n => Math.Max(0, n - 1));

    /// <summary>Live objects per type.</summary>
    public IReadOnlyDictionary<string, int> PerType =>
        Owned.GroupBy(o => o.Key.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(o => o.Value), StringComparer.Ordinal);

    /// <summary>Types and owners with more than one object.</summary>
    public IEnumerable<string> DuplicateLines => Owned.Where(o => o.Value > 1).Select(o => $"{o.Key.Type} {o.Key.Owner}: {o.Value}");

    public static AwsInventory Of(JsonObject state)
    {
        var owned = new Dictionary<(string, string), int>();
        Walk(state, "", owned);
        return new AwsInventory(owned);
    }

    private static void Walk(JsonNode? node, string path, Dictionary<(string, string), int> owned)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Owner(obj) is { } owner && !IsGone(obj))
                {
                    owned[(path, owner)] = owned.GetValueOrDefault((path, owner)) + 1;
                }

                foreach (var (key, value) in obj)
                {
                    if (key is not "tags" and not "Tags")
                    {
                        Walk(value, path.Length == 0 ? key : $"{path}.{key}", owned);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, path, owned);
                }

                break;
        }
    }

    private static string? Owner(JsonObject obj)
    {
        var tags = Tags(obj["tags"] ?? obj["Tags"]);
        return tags.TryGetValue(OwnershipTags.Name, out var name) && tags.TryGetValue(OwnershipTags.Kind, out var kind)
            ? $"{kind}/{tags.GetValueOrDefault(OwnershipTags.Namespace)}/{name}#{tags.GetValueOrDefault(OwnershipTags.Component)}"
            : null;
    }

    private static Dictionary<string, string> Tags(JsonNode? node) => node switch
    {
        JsonObject map => map.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => t.Value!.ToString(), StringComparer.Ordinal),
        JsonArray list => list.OfType<JsonObject>()
            .Select(t => (Key: (string?)(t["key"] ?? t["Key"]), Value: (string?)(t["value"] ?? t["Value"])))
            .Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        _ => [],
    };

    private static bool IsGone(JsonObject obj) =>
        new[] { "status", "Status", "state", "State" }.Any(k => obj[k] is JsonValue v && v.TryGetValue<string>(out var s) && Gone.Contains(s));
}
