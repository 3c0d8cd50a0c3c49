using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>
/// Checks a Query-protocol form against the official model, independently of the generator: the action exists,
/// <c>Version</c> is the model's apiVersion, every key is a path through the input shape with the right list/map
/// encoding (<c>locationName</c> or <c>member</c>, flattened, <c>entry.N.key</c>), indexes run 1..N, values have the
/// member's type (integer, boolean as true/false, ISO 8601 timestamp), and every required member is present.
/// </summary>
internal sealed partial class QueryModelValidator(JsonObject model)
{
    private readonly JsonObject shapes = model["shapes"]!.AsObject();

    public string ApiVersion => (string)model["metadata"]!["apiVersion"]!;

    public JsonObject? Operation(string action) => model["operations"]![action]?.AsObject();

    public List<string> Validate(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var errors = new List<string>();
        var action = form.FirstOrDefault(kv => kv.Key == "Action").Value;
        var version = form.FirstOrDefault(kv => kv.Key == "Version").Value;
        if (action is null || Operation(action) is not { } op)
        {
            errors.Add($"Unknown action '{action}'.");
            return errors;
        }

        if (version != ApiVersion)
        {
            errors.Add($"Version '{version}' is not the model's '{ApiVersion}'.");
        }

        var input = op["input"] is JsonObject inputRef ? Resolve(inputRef) : new JsonObject { ["type"] = "structure", ["members"] = new JsonObject() };
        var keys = form.Where(kv => kv.Key is not ("Action" or "Version")).ToList();
        var indexes = new Dictionary<string, SortedSet<int>>();
        foreach (var (key, value) in keys)
        {
            if (CheckPath(input, key.Split('.'), 0, value, "", indexes) is { } error)
            {
                errors.Add($"{key}: {error}");
            }
        }

        foreach (var (prefix, seen) in indexes)
        {
            if (seen.Min != 1 || seen.Max != seen.Count)
            {
                errors.Add($"{prefix}: list indexes are not 1..N ({string.Join(",", seen)}).");
            }
        }

        CheckRequired(input, "", keys.Select(kv => kv.Key).ToList(), errors);
        return errors;
    }

    private string? CheckPath(JsonObject shape, string[] parts, int i, string value, string prefix, Dictionary<string, SortedSet<int>> indexes)
    {
        var type = TypeOf(shape);
        if (i == parts.Length)
        {
            return type switch
            {
                "structure" => "a structure cannot have a value",
                "list" or "map" => value.Length == 0 ? null : "a list/map key without index must be the empty list (value '')",
                _ => CheckValue(shape, value),
            };
        }

        switch (type)
        {
            case "structure":
            {
                var member = shape["members"]!.AsObject().FirstOrDefault(m => ((string?)m.Value!["locationName"] ?? m.Key) == parts[i]);
                if (member.Key is null)
                {
                    return $"'{parts[i]}' is not a member of the input shape at '{prefix}'";
                }

                return CheckPath(Resolve(member.Value!.AsObject()), parts, i + 1, value, prefix + parts[i] + ".", indexes);
            }

            case "list":
            {
                var item = shape["member"]!.AsObject();
                var flattened = (bool?)shape["flattened"] == true;
                if (!flattened)
                {
                    var expected = (string?)item["locationName"] ?? "member";
                    if (parts[i] != expected)
                    {
                        return $"list items must be '{expected}.N' (model), found '{parts[i]}'";
                    }

                    i++;
                    prefix += expected + ".";
                }

                if (i >= parts.Length || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                {
                    return "list item without a 1-based index";
                }

                Track(indexes, prefix, index);
                return CheckPath(Resolve(item), parts, i + 1, value, prefix + parts[i] + ".", indexes);
            }

            case "map":
            {
                var flattened = (bool?)shape["flattened"] == true;
                if (!flattened)
                {
                    if (parts[i] != "entry")
                    {
                        return $"map entries must be 'entry.N', found '{parts[i]}'";
                    }

                    i++;
                    prefix += "entry.";
                }

                if (i >= parts.Length || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                {
                    return "map entry without a 1-based index";
                }

                Track(indexes, prefix, index);
                var keyName = (string?)shape["key"]!["locationName"] ?? "key";
                var valueName = (string?)shape["value"]!["locationName"] ?? "value";
                if (i + 1 >= parts.Length)
                {
                    return "map entry without key/value";
                }

                if (parts[i + 1] == keyName)
                {
                    return i + 2 == parts.Length ? CheckValue(Resolve(shape["key"]!.AsObject()), value) : "nothing may follow a map key";
                }

                return parts[i + 1] == valueName
                    ? CheckPath(Resolve(shape["value"]!.AsObject()), parts, i + 2, value, prefix + parts[i] + "." + valueName + ".", indexes)
                    : $"map entry part must be '{keyName}' or '{valueName}', found '{parts[i + 1]}'";
            }

            default:
                return $"'{parts[i]}' follows a scalar";
        }
    }

    private static void Track(Dictionary<string, SortedSet<int>> indexes, string prefix, int index)
    {
        if (!indexes.TryGetValue(prefix, out var set))
        {
            indexes[prefix] = set = [];
        }

        set.Add(index);
    }

    private static string? CheckValue(JsonObject shape, string value) => TypeOf(shape) switch
    {
        "integer" or "long" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not an integer",
        "boolean" => value is "true" or "false" ? null : $"'{value}' is not true/false",
        "timestamp" => Iso8601().IsMatch(value) ? null : $"'{value}' is not an ISO 8601 UTC timestamp",
        "double" or "float" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a number",
        _ => null,
    };

    private void CheckRequired(JsonObject shape, string prefix, List<string> keys, List<string> errors)
    {
        switch (TypeOf(shape))
        {
            case "structure":
                var required = shape["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
                foreach (var (name, reference) in shape["members"]!.AsObject())
                {
                    var wire = (string?)reference!["locationName"] ?? name;
                    var path = prefix + wire;
                    var present = keys.Any(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal));
                    if (required.Contains(name) && !present)
                    {
                        errors.Add($"required member {path} is missing");
                    }

                    if (present)
                    {
                        CheckRequired(Resolve(reference.AsObject()), path + ".", keys, errors);
                    }
                }

                break;
            case "list":
            {
                var item = shape["member"]!.AsObject();
                var itemPrefix = (bool?)shape["flattened"] == true ? prefix : prefix + ((string?)item["locationName"] ?? "member") + ".";
                for (var n = 1; keys.Any(k => k.StartsWith(itemPrefix + n, StringComparison.Ordinal)); n++)
                {
                    CheckRequired(Resolve(item), itemPrefix + n + ".", keys, errors);
                }

                break;
            }
        }
    }

    public JsonObject Resolve(JsonObject reference) => reference["shape"] is JsonValue id ? shapes[(string)id!]!.AsObject() : reference;

    public static string TypeOf(JsonObject shape) => (string?)shape["type"] ?? "string";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex Iso8601();
}
