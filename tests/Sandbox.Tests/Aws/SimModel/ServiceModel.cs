using System.Text.Json;
using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws.SimModel;

/// <summary>
/// Checks simulator requests and responses against the official AWS service model (npm aws-sdk v2 min.json, fetched
/// into .cache/aws-models): every request parameter must name a real input member path, and every element of a
/// response must be a member of the operation's output shape under its resultWrapper. This is what keeps the
/// simulator's XML honest without sharing any code with the operator's clients.
/// </summary>
internal sealed class ServiceModel
{
    private static readonly Dictionary<string, ServiceModel> Cache = [];
    private readonly JsonElement _shapes;
    private readonly JsonElement _operations;

    private ServiceModel(JsonDocument document)
    {
        _shapes = document.RootElement.GetProperty("shapes");
        _operations = document.RootElement.GetProperty("operations");
        XmlNamespace = document.RootElement.GetProperty("metadata").GetProperty("xmlNamespace").GetString()!;
    }

    public string XmlNamespace { get; }

    public static ServiceModel Load(string fileStem)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fileStem, out var model))
            {
                var path = Path.Combine(ModelsFolder(), fileStem + ".min.json");
                model = new ServiceModel(JsonDocument.Parse(File.ReadAllText(path)));
                Cache[fileStem] = model;
            }

            return model;
        }
    }

    /// <summary>Throws when a parameter does not follow the operation's input shape.</summary>
    public void CheckRequest(string operation, IReadOnlyDictionary<string, string> parameters)
    {
        var op = Operation(operation);
        if (!op.TryGetProperty("input", out var input))
        {
            Assert.Empty(parameters);
            return;
        }

        foreach (var key in parameters.Keys)
        {
            var shape = Resolve(input);
            var parts = key.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                var type = TypeOf(shape);
                if (type == "structure")
                {
                    Assert.True(shape.GetProperty("members").TryGetProperty(parts[i], out var member), $"{operation}: '{key}' names no member '{parts[i]}'");
                    shape = Resolve(member);
                }
                else if (type == "list")
                {
                    var flattened = shape.TryGetProperty("flattened", out var f) && f.GetBoolean();
                    if (!flattened)
                    {
                        var memberName = shape.GetProperty("member").TryGetProperty("locationName", out var ln) ? ln.GetString() : "member";
                        Assert.True(parts[i] == memberName, $"{operation}: '{key}' expected '{memberName}' at '{parts[i]}'");
                        i++;
                    }

                    Assert.True(i < parts.Length && int.TryParse(parts[i], out var index) && index >= 1, $"{operation}: '{key}' needs a 1-based index");
                    shape = Resolve(shape.GetProperty("member"));
                }
                else if (type == "map")
                {
                    Assert.True(parts[i] == "entry" && i + 2 < parts.Length, $"{operation}: '{key}' bad map path");
                    i += 2;
                    shape = Resolve(shape.GetProperty(parts[i] == "key" ? "key" : "value"));
                }
                else
                {
                    Assert.Fail($"{operation}: '{key}' goes below scalar at '{parts[i]}'");
                }
            }

            Assert.True(TypeOf(shape) is not ("structure" or "list" or "map"), $"{operation}: '{key}' ends on a {TypeOf(shape)}");
        }
    }

    /// <summary>Parses a response and throws when an element is not in the output shape; returns the result element.</summary>
    public XElement CheckResponse(string operation, string xml)
    {
        var document = XDocument.Parse(xml);
        XNamespace ns = XmlNamespace;
        Assert.Equal(ns + $"{operation}Response", document.Root!.Name);
        Assert.NotNull(document.Root.Element(ns + "ResponseMetadata")?.Element(ns + "RequestId"));
        var op = Operation(operation);
        if (!op.TryGetProperty("output", out var output))
        {
            Assert.Single(document.Root.Elements());
            return document.Root;
        }

        var wrapper = output.TryGetProperty("resultWrapper", out var w) ? w.GetString()! : $"{operation}Result";
        var result = document.Root.Element(ns + wrapper);
        Assert.True(result is not null, $"{operation}: missing <{wrapper}>");
        CheckElement(operation, result, Resolve(output), ns);
        return result;
    }

    private static string ModelsFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EBOPS_AWS_MODELS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, ".cache", "aws-models")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException(".cache/aws-models not found") : Path.Combine(dir.FullName, ".cache", "aws-models");
    }

    private static string TypeOf(JsonElement shape) => shape.TryGetProperty("type", out var t) ? t.GetString()! : "string";

    private JsonElement Operation(string name)
        => _operations.TryGetProperty(name, out var op) ? op : throw new InvalidOperationException($"operation {name} is not in the model");

    private JsonElement Resolve(JsonElement reference)
        => reference.TryGetProperty("shape", out var name) ? _shapes.GetProperty(name.GetString()!) : reference;

    private void CheckElement(string operation, XElement element, JsonElement shape, XNamespace ns)
    {
        switch (TypeOf(shape))
        {
            case "structure":
                foreach (var child in element.Elements())
                {
                    Assert.True(child.Name.Namespace == ns, $"{operation}: <{child.Name}> is outside the service namespace");
                    JsonElement? match = null;
                    foreach (var member in shape.GetProperty("members").EnumerateObject())
                    {
                        var elementName = member.Value.TryGetProperty("locationName", out var ln) ? ln.GetString() : member.Name;
                        if (elementName == child.Name.LocalName)
                        {
                            match = member.Value;
                        }
                    }

                    Assert.True(match is not null, $"{operation}: <{child.Name.LocalName}> is not a member of its parent <{element.Name.LocalName}>");
                    CheckElement(operation, child, Resolve(match.Value), ns);
                }

                break;
            case "list":
                var memberName = shape.GetProperty("member").TryGetProperty("locationName", out var listName) ? listName.GetString() : "member";
                foreach (var child in element.Elements())
                {
                    Assert.True(child.Name.LocalName == memberName, $"{operation}: list <{element.Name.LocalName}> holds <{child.Name.LocalName}>, expected <{memberName}>");
                    CheckElement(operation, child, Resolve(shape.GetProperty("member")), ns);
                }

                break;
            case "map":
                break;
            case "boolean":
                Assert.True(element.Value is "true" or "false", $"{operation}: <{element.Name.LocalName}> is not a boolean: {element.Value}");
                break;
            case "integer" or "long":
                Assert.True(long.TryParse(element.Value, out _), $"{operation}: <{element.Name.LocalName}> is not an integer: {element.Value}");
                break;
            case "timestamp":
                Assert.True(DateTimeOffset.TryParse(element.Value, out _), $"{operation}: <{element.Name.LocalName}> is not a timestamp: {element.Value}");
                break;
            default:
                Assert.False(element.HasElements, $"{operation}: scalar <{element.Name.LocalName}> has children");
                break;
        }
    }
}
