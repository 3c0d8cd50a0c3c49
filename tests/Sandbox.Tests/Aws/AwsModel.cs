using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>
/// Checks requests and responses against the official AWS service models (npm aws-sdk, .cache/aws-models/*.min.json):
/// every request parameter must name a member path of the operation's input shape in the protocol's list encoding,
/// with required members present and typed values parseable; every response element must be a member of the output
/// shape (under its resultWrapper), so a misspelt or misplaced element fails the test.
/// </summary>
internal sealed class AwsModel
{
    private static readonly ConcurrentDictionary<string, AwsModel> Cache = new();
    private readonly JsonObject model;
    private readonly JsonObject shapes;

    private AwsModel(JsonObject model)
    {
        this.model = model;
        shapes = model["shapes"]!.AsObject();
    }

    public string Protocol => (string)model["metadata"]!["protocol"]!;

    public string XmlNamespace => (string?)model["metadata"]!["xmlNamespace"] ?? "";

    public static AwsModel Load(string file) => Cache.GetOrAdd(file, f =>
    {
        var folder = Environment.GetEnvironmentVariable("EBOPS_AWS_MODELS") ?? Path.Combine(RepoRoot(), ".cache", "aws-models");
        return new AwsModel(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, f + ".min.json")))!.AsObject());
    });

    public static AwsModel Rds => Load("rds-2014-10-31");

    public static AwsModel Ec2 => Load("ec2-2016-11-15");

    public bool HasOperation(string action) => model["operations"]![action] is JsonObject;

    public bool HasOutput(string action) => model["operations"]![action]?["output"] is JsonObject;

    /// <summary>Problems with a Query/EC2 form (Action and Version included); empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateRequest(IReadOnlyDictionary<string, string> form)
    {
        var errors = new List<string>();
        var action = form.GetValueOrDefault("Action") ?? "";
        if (model["operations"]![action] is not JsonObject operation)
        {
            return [$"unknown operation '{action}'"];
        }

        if (form.GetValueOrDefault("Version") != (string)model["metadata"]!["apiVersion"]!)
        {
            errors.Add("wrong Version");
        }

        var input = Resolve(operation["input"]);
        var paths = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, value) in form.Where(p => p.Key is not ("Action" or "Version")))
        {
            var shape = input is null ? null : Walk(input, key.Split('.'), 0);
            if (shape is null)
            {
                errors.Add($"{action}: parameter '{key}' is not in the input shape");
                continue;
            }

            var type = (string?)shape["type"] ?? "string";
            var ok = type switch
            {
                "integer" or "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                "boolean" => value is "true" or "false",
                "timestamp" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, out _),
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"{action}: '{key}={value}' is not a {type}");
            }
        }

        foreach (var required in input?["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            var wire = WireName(input!["members"]![required]!.AsObject(), required);
            if (!form.Keys.Any(k => k == wire || k.StartsWith(wire + ".", StringComparison.Ordinal)))
            {
                errors.Add($"{action}: required member '{required}' is missing");
            }
        }

        return errors;
    }

    /// <summary>Problems with a response document; empty when every element is a member of the output shape.</summary>
    public IReadOnlyList<string> ValidateResponse(string action, XElement root)
    {
        var errors = new List<string>();
        var operation = model["operations"]![action]!.AsObject();
        if (root.Name.LocalName != action + "Response")
        {
            return [$"root is {root.Name.LocalName}, expected {action}Response"];
        }

        if (XmlNamespace.Length > 0 && root.Name.NamespaceName.TrimEnd('/') != XmlNamespace.TrimEnd('/'))
        {
            errors.Add($"namespace {root.Name.NamespaceName}, expected {XmlNamespace}");
        }

        var output = Resolve(operation["output"]);
        var wrapper = (string?)operation["output"]?["resultWrapper"];
        var body = root;
        if (wrapper is not null)
        {
            body = root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper)!;
            if (body is null)
            {
                return [$"{action}: missing {wrapper}"];
            }
        }
        else if (output is not null && Protocol == "query")
        {
            errors.Add($"{action}: output without resultWrapper");
        }

        foreach (var child in (wrapper is null ? root.Elements() : body.Elements())
                     .Where(e => e.Name.LocalName is not ("ResponseMetadata" or "requestId")))
        {
            CheckElement(child, output, action, errors);
        }

        return errors;
    }

    private void CheckElement(XElement element, JsonObject? structure, string path, List<string> errors)
    {
        var members = structure?["members"]?.AsObject();
        var match = members?.FirstOrDefault(m => XmlName(m.Value!.AsObject(), m.Key) == element.Name.LocalName);
        if (match?.Value is not JsonObject member)
        {
            errors.Add($"{path}: unexpected element <{element.Name.LocalName}>");
            return;
        }

        CheckValue(element, Resolve(member)!, $"{path}/{element.Name.LocalName}", errors);
    }

    private void CheckValue(XElement element, JsonObject shape, string path, List<string> errors)
    {
        switch ((string?)shape["type"] ?? "string")
        {
            case "structure":
                foreach (var child in element.Elements())
                {
                    CheckElement(child, shape, path, errors);
                }

                break;
            case "list":
                var item = shape["member"]!.AsObject();
                var itemName = (string?)item["locationName"] ?? "member";
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != itemName)
                    {
                        errors.Add($"{path}: list item <{child.Name.LocalName}>, expected <{itemName}>");
                        continue;
                    }

                    CheckValue(child, Resolve(item)!, path + "/" + itemName, errors);
                }

                break;
            case "integer" or "long":
                if (!long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{path}: '{element.Value}' is not an integer");
                }

                break;
            case "boolean":
                if (element.Value is not ("true" or "false"))
                {
                    errors.Add($"{path}: '{element.Value}' is not a boolean");
                }

                break;
            case "timestamp":
                if (!DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{path}: '{element.Value}' is not a timestamp");
                }

                break;
            default:
                if (element.HasElements)
                {
                    errors.Add($"{path}: scalar with child elements");
                }

                break;
        }
    }

    /// <summary>Follows a Query/EC2 parameter path (Name.Sub.N...) through the shapes; null when it leaves them.</summary>
    private JsonObject? Walk(JsonObject shape, string[] parts, int index)
    {
        if (index == parts.Length)
        {
            return (string?)shape["type"] is "structure" or "list" or "map" ? null : shape;
        }

        switch ((string?)shape["type"])
        {
            case "structure":
                var member = shape["members"]!.AsObject().FirstOrDefault(m => WireName(m.Value!.AsObject(), m.Key) == parts[index]);
                return member.Value is JsonObject found ? Walk(Resolve(found)!, parts, index + 1) : null;
            case "list":
                var item = shape["member"]!.AsObject();
                var flattened = (bool?)shape["flattened"] == true || Protocol == "ec2";
                var next = index;
                if (!flattened)
                {
                    var name = (string?)item["locationName"] ?? "member";
                    if (parts[index] != name)
                    {
                        return null;
                    }

                    next++;
                }

                return next < parts.Length && int.TryParse(parts[next], out var n) && n > 0 ? Walk(Resolve(item)!, parts, next + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The query key of a member: EC2 uses queryName, else the capitalized locationName, else the member name.</summary>
    private string WireName(JsonObject member, string name)
    {
        if (Protocol != "ec2")
        {
            return (string?)member["locationName"] ?? name;
        }

        if ((string?)member["queryName"] is { } queryName)
        {
            return queryName;
        }

        return (string?)member["locationName"] is { Length: > 0 } location ? char.ToUpperInvariant(location[0]) + location[1..] : name;
    }

    private static string XmlName(JsonObject member, string name) => (string?)member["locationName"] ?? name;

    /// <summary>Merges a member reference with its named shape (members may point at "shape").</summary>
    private JsonObject? Resolve(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if ((string?)obj["shape"] is { } name)
        {
            var merged = shapes[name]!.AsObject().DeepClone().AsObject();
            foreach (var (key, value) in obj.Where(kv => kv.Key != "shape"))
            {
                merged[key] = value?.DeepClone();
            }

            return merged;
        }

        return obj;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
