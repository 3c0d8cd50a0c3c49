using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ebops.Tests.Shared;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>
/// Checks requests and responses against the official AWS service models (npm aws-sdk, .cache/aws-models/*.min.json):
/// every request parameter must name a member path of the operation's input shape in the protocol's list encoding,
/// with required members present and typed values parseable; every response element must be a member of the output
/// shape (under its resultWrapper) and in the document's namespace, so a misspelt or misplaced element fails the test.
/// One checker for every service: <see cref="ValidateRequest(IReadOnlyDictionary{string, string})"/> /
/// <see cref="ValidateResponse"/> return the problems; <see cref="CheckRequest"/> / <see cref="CheckResponse"/> assert.
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
        return new AwsModel(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.AwsModels, f + ".min.json")))!.AsObject());
    });

    public static AwsModel Rds => Load("rds-2014-10-31");

    public static AwsModel Ec2 => Load("ec2-2016-11-15");

    public bool HasOperation(string action) => model["operations"]![action] is JsonObject;

    public bool HasOutput(string action) => model["operations"]![action]?["output"] is JsonObject;

    /// <summary>Problems with a Query/EC2 form (Action and Version included); empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateRequest(IReadOnlyDictionary<string, string> form)
    {
        var action = form.GetValueOrDefault("Action") ?? "";
        if (!HasOperation(action))
        {
            return [$"unknown operation '{action}'"];
        }

        var errors = new List<string>();
        if (form.GetValueOrDefault("Version") != (string)model["metadata"]!["apiVersion"]!)
        {
            errors.Add("wrong Version");
        }

        errors.AddRange(ValidateRequest(action, form.Where(p => p.Key is not ("Action" or "Version")).ToDictionary(), strict: true));
        return errors;
    }

    /// <summary>
    /// Problems with the parameters of <paramref name="action"/>: every key must be a member path of the input shape;
    /// <paramref name="strict"/> also wants typed values parseable and required members present (off for requests that
    /// are meant to be rejected by the simulator).
    /// </summary>
    public IReadOnlyList<string> ValidateRequest(string action, IReadOnlyDictionary<string, string> parameters, bool strict)
    {
        if (model["operations"]![action] is not JsonObject operation)
        {
            return [$"unknown operation '{action}'"];
        }

        var errors = new List<string>();
        var input = Resolve(operation["input"]);
        foreach (var (key, value) in parameters)
        {
            var shape = input is null ? null : Walk(input, key.Split('.'), 0);
            if (shape is null)
            {
                errors.Add($"{action}: parameter '{key}' is not in the input shape");
                continue;
            }

            var type = (string?)shape["type"] ?? "string";
            var ok = !strict || type switch
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

        foreach (var required in strict ? input?["required"]?.AsArray().Select(r => (string)r!) ?? [] : [])
        {
            var wire = WireName(input!["members"]![required]!.AsObject(), required);
            if (!parameters.Keys.Any(k => k == wire || k.StartsWith(wire + ".", StringComparison.Ordinal)))
            {
                errors.Add($"{action}: required member '{required}' is missing");
            }
        }

        return errors;
    }

    /// <summary>Asserts that <paramref name="parameters"/> (without Action/Version) follow the input shape's member paths.</summary>
    public void CheckRequest(string action, IReadOnlyDictionary<string, string> parameters, bool strict = false)
    {
        var errors = ValidateRequest(action, parameters, strict);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>
    /// Parses a Query response and asserts it conforms: root and RequestId in the service namespace, no Result for an
    /// operation without output, every element a member of the output shape. Returns the result element (the root
    /// when the operation has no output).
    /// </summary>
    public XElement CheckResponse(string action, string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        XNamespace ns = XmlNamespace;
        Assert.Equal(ns + $"{action}Response", root.Name);
        Assert.NotNull(root.Element(ns + "ResponseMetadata")?.Element(ns + "RequestId"));
        if (!HasOutput(action))
        {
            Assert.Single(root.Elements());
            return root;
        }

        var errors = ValidateResponse(action, root);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var wrapper = (string)model["operations"]![action]!["output"]!["resultWrapper"]!;
        return root.Element(ns + wrapper)!;
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
        if (element.Name.Namespace != Top(element).Name.Namespace)
        {
            errors.Add($"{path}: <{element.Name}> is outside the service namespace");
        }

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
            case "map":
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

    private static XElement Top(XElement element)
    {
        var top = element;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        return top;
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
            case "map":
                // name.entry.N.key / name.entry.N.value
                return index + 2 < parts.Length && parts[index] == "entry" && int.TryParse(parts[index + 1], out var e) && e > 0
                       && parts[index + 2] is "key" or "value"
                    ? Walk(Resolve(shape[parts[index + 2]])!, parts, index + 3)
                    : null;
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
}
