using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>
/// Checks a hand-written fixture against the official model (so a fixture cannot invent elements the real service
/// never sends), and collects its leaf values to compare with what the client parsed.
/// </summary>
internal static class FixtureModelCheck
{
    public static List<string> Validate(QueryModelValidator model, string operation, XDocument fixture)
    {
        var problems = new List<string>();
        var root = fixture.Root!;
        if (root.Name.LocalName != operation + "Response")
        {
            problems.Add($"root is {root.Name.LocalName}");
        }

        var output = model.Operation(operation)!["output"] as JsonObject;
        var wrapper = output is null ? null : (string)output["resultWrapper"]!;
        foreach (var child in root.Elements())
        {
            if (child.Name.LocalName == "ResponseMetadata")
            {
                continue;
            }

            if (child.Name.LocalName != wrapper)
            {
                problems.Add($"unexpected element {child.Name.LocalName} (result wrapper is {wrapper ?? "none"})");
                continue;
            }

            Walk(model, model.Resolve(output!), child, wrapper, problems);
        }

        return problems;
    }

    private static void Walk(QueryModelValidator model, JsonObject shape, XElement element, string path, List<string> problems)
    {
        switch (QueryModelValidator.TypeOf(shape))
        {
            case "structure":
                foreach (var child in element.Elements())
                {
                    var member = shape["members"]!.AsObject().FirstOrDefault(m => ((string?)m.Value!["locationName"] ?? m.Key) == child.Name.LocalName);
                    if (member.Key is null)
                    {
                        problems.Add($"{path}/{child.Name.LocalName}: not in the model");
                        continue;
                    }

                    Walk(model, model.Resolve(member.Value!.AsObject()), child, path + "/" + child.Name.LocalName, problems);
                }

                break;
            case "list":
            {
                var item = shape["member"]!.AsObject();
                var itemName = (string?)item["locationName"] ?? "member";
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != itemName)
                    {
                        problems.Add($"{path}/{child.Name.LocalName}: list items are <{itemName}>");
                        continue;
                    }

                    Walk(model, model.Resolve(item), child, path + "/" + itemName, problems);
                }

                break;
            }

            case "map":
                break;
            case var scalar:
                var text = element.Value;
                var ok = scalar switch
                {
                    "integer" or "long" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                    "boolean" => text is "true" or "false",
                    "timestamp" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                    "double" or "float" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    _ => true,
                };
                if (!ok || element.HasElements)
                {
                    problems.Add($"{path}: '{text}' is not a {scalar}");
                }

                break;
        }
    }

    /// <summary>Leaf values under the result wrapper.</summary>
    public static List<string> Leaves(XDocument fixture) =>
        fixture.Root!.Elements().Where(e => e.Name.LocalName != "ResponseMetadata")
            .SelectMany(e => e.Descendants()).Where(e => !e.HasElements && e.Value.Length > 0).Select(e => e.Value).ToList();

    /// <summary>Whether a leaf value from the fixture appears somewhere in the parsed result.</summary>
    public static bool Contains(object parsed, string leaf)
    {
        var values = new List<object>();
        Collect(parsed, values, 0);
        return values.Any(v => v switch
        {
            string s => s == leaf,
            bool b => leaf == (b ? "true" : "false"),
            int or long or double => double.TryParse(leaf, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Convert.ToDouble(v, CultureInfo.InvariantCulture) == d,
            DateTimeOffset t => DateTimeOffset.TryParse(leaf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lt) && lt == t,
            _ => false,
        });
    }

    private static void Collect(object? value, List<object> values, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string or bool or int or long or double or DateTimeOffset:
                values.Add(value);
                return;
            case IDictionary dict:
                foreach (DictionaryEntry entry in dict)
                {
                    values.Add(entry.Key);
                    Collect(entry.Value, values, depth + 1);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, values, depth + 1);
                }

                return;
        }

        if (depth > 12)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            Collect(property.GetValue(value), values, depth + 1);
        }
    }
}
