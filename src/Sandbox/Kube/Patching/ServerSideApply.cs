using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Patching;

/// <summary>
/// Server-side apply with field ownership, simplified: each apply manager owns the leaf fields of its last applied
/// configuration (lists are atomic leaves), recorded in <c>metadata.managedFields</c> as FieldsV1 with
/// <c>operation: Apply</c>. Re-applying without a field removes it unless another apply manager owns it; applying a
/// different value to a field another apply manager owns is a 409 conflict unless <c>force=true</c>, which takes the
/// field over. Ownership by ordinary updates (PUT, merge patch) is not tracked.
/// </summary>
internal static class ServerSideApply
{
    private const char Separator = '\u0001';

    /// <summary>Applies <paramref name="applied"/> by <paramref name="manager"/> to <paramref name="live"/> (mutated and returned).</summary>
    public static JsonObject Apply(JsonObject live, JsonObject applied, string manager, string? subresource, bool statusIsSubresource, bool force, string apiVersion, string now)
    {
        var config = applied.DeepClone().AsObject();
        var desired = Leaves(config, subresource, statusIsSubresource);
        var entries = Entries(live);
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Subresource == subresource);
        var others = entries.Where(e => e != mine).ToList();

        var conflicts = new List<(string Manager, string Path)>();
        foreach (var other in others)
        {
            foreach (var path in desired.Where(other.Fields.Contains))
            {
                if (!JsonNode.DeepEquals(Get(live, path), Get(config, path)))
                {
                    conflicts.Add((other.Manager, path));
                }
            }
        }
        if (conflicts.Count > 0 && !force)
        {
            throw Conflict(conflicts, apiVersion);
        }
        foreach (var (otherManager, path) in conflicts)
        {
            others.First(o => o.Manager == otherManager).Fields.Remove(path);
        }

        if (config["metadata"] is JsonObject meta)
        {
            foreach (var key in meta.Select(p => p.Key).Where(k => k is not ("labels" or "annotations" or "finalizers")).ToList())
            {
                meta.Remove(key);
            }
        }
        var result = MergePatch.Apply(live, config) as JsonObject ?? live;
        foreach (var dropped in mine?.Fields.Except(desired) ?? [])
        {
            if (!others.Any(o => o.Fields.Contains(dropped)))
            {
                Remove(result, dropped);
            }
        }

        var kept = others.Where(o => o.Fields.Count > 0).Select(o => o.Node).ToList();
        var unchanged = mine is not null && mine.Fields.SetEquals(desired);
        kept.Add(unchanged ? mine!.Node : Entry(manager, subresource, apiVersion, now, desired));
        var resultMeta = result["metadata"] as JsonObject ?? [];
        result["metadata"] = resultMeta;
        resultMeta["managedFields"] = new JsonArray([.. kept.Select(k => k.DeepClone())]);
        return result;
    }

    /// <summary>The managedFields a create through apply records.</summary>
    public static JsonArray CreateEntries(JsonObject applied, string manager, bool statusIsSubresource, string apiVersion, string now) =>
        new(Entry(manager, null, apiVersion, now, Leaves(applied, null, statusIsSubresource)));

    private static KubeApiException Conflict(List<(string Manager, string Path)> conflicts, string apiVersion)
    {
        var lines = conflicts.Select(c => $"conflict with \"{c.Manager}\" using {apiVersion}: .{c.Path.Replace(Separator, '.')}").ToList();
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {lines[0]}"
            : $"Apply failed with {conflicts.Count.ToString(CultureInfo.InvariantCulture)} conflicts: {string.Join("\n", lines)}";
        var details = new JsonObject
        {
            ["causes"] = new JsonArray([.. conflicts.Select((c, i) => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with \"{c.Manager}\" using {apiVersion}",
                ["field"] = "." + c.Path.Replace(Separator, '.'),
            })]),
        };
        return new KubeApiException(HttpStatusCode.Conflict, "Conflict", message, details);
    }

    private sealed record ManagerEntry(string Manager, string? Subresource, HashSet<string> Fields, JsonObject Node);

    private static List<ManagerEntry> Entries(JsonObject live)
    {
        var result = new List<ManagerEntry>();
        foreach (var node in (live["metadata"]?["managedFields"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (node["operation"]?.GetValue<string>() != "Apply" || node["manager"]?.GetValue<string>() is not { } manager)
            {
                continue;
            }
            var fields = new HashSet<string>(StringComparer.Ordinal);
            if (node["fieldsV1"] is JsonObject fieldsV1)
            {
                ReadFields(fieldsV1, "", fields);
            }
            result.Add(new ManagerEntry(manager, node["subresource"]?.GetValue<string>(), fields, node));
        }
        return result;
    }

    private static JsonObject Entry(string manager, string? subresource, string apiVersion, string now, HashSet<string> fields)
    {
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = apiVersion,
            ["time"] = now,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = WriteFields(fields),
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }
        return entry;
    }

    /// <summary>The leaf paths of an applied configuration: scalars, lists (atomic) and empty maps.</summary>
    private static HashSet<string> Leaves(JsonObject config, string? subresource, bool statusIsSubresource)
    {
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            // Status belongs to the status subresource when there is one (the main resource ignores it).
            if (key is "apiVersion" or "kind" || (subresource == "status" && key != "status") || (subresource is null && statusIsSubresource && key == "status"))
            {
                continue;
            }
            if (key == "metadata")
            {
                foreach (var tracked in new[] { "labels", "annotations", "finalizers" })
                {
                    if (value?[tracked] is { } child)
                    {
                        Collect(child, "metadata" + Separator + tracked, leaves);
                    }
                }
                continue;
            }
            Collect(value, key, leaves);
        }
        return leaves;
    }

    private static void Collect(JsonNode? node, string path, HashSet<string> leaves)
    {
        if (node is JsonObject o && o.Count > 0)
        {
            foreach (var (key, child) in o)
            {
                Collect(child, path + Separator + key, leaves);
            }
            return;
        }
        leaves.Add(path);
    }

    private static void ReadFields(JsonObject node, string prefix, HashSet<string> fields)
    {
        foreach (var (key, child) in node)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }
            var path = prefix.Length == 0 ? key[2..] : prefix + Separator + key[2..];
            if (child is JsonObject c && c.Any(p => p.Key.StartsWith("f:", StringComparison.Ordinal)))
            {
                ReadFields(c, path, fields);
            }
            else
            {
                fields.Add(path);
            }
        }
    }

    private static JsonObject WriteFields(IEnumerable<string> fields)
    {
        var root = new JsonObject();
        foreach (var path in fields.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path.Split(Separator))
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject next)
                {
                    next = [];
                    node[key] = next;
                }
                node = next;
            }
        }
        return root;
    }

    private static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split(Separator))
        {
            node = (node as JsonObject)?[segment];
        }
        return node;
    }

    private static void Remove(JsonObject obj, string path)
    {
        var segments = path.Split(Separator);
        JsonNode? node = obj;
        foreach (var segment in segments[..^1])
        {
            node = (node as JsonObject)?[segment];
        }
        (node as JsonObject)?.Remove(segments[^1]);
    }
}
