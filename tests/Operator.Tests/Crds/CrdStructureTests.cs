using System.Text.Json.Nodes;
using Ebops.Operator.Crds;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Tests.Crds;

public sealed class CrdStructureTests
{
    public static TheoryData<string> Kinds() => new(EbopsKinds.All.Select(k => k.Kind));

    private static EntityKind Kind(string name) => EbopsKinds.All.Single(k => k.Kind == name);

    private static JsonObject Schema(string kind) =>
        CrdGenerator.BuildCrd(Kind(kind))["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryNodeIsTypedWithoutRefOrNullable(string kind)
    {
        var problems = new List<string>();
        Walk(Schema(kind), kind, (path, node) =>
        {
            if (node["type"] is null)
            {
                problems.Add(path + ": no type");
            }

            foreach (var forbidden in new[] { "$ref", "$schema", "nullable", "anyOf", "oneOf" })
            {
                if (node.ContainsKey(forbidden))
                {
                    problems.Add(path + ": " + forbidden);
                }
            }

            if (node.ContainsKey("x-kubernetes-preserve-unknown-fields"))
            {
                problems.Add(path + ": preserves unknown fields");
            }
        });
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryCelRuleHasAMessageNamingASpecField(string kind)
    {
        var rules = new List<(string Path, JsonObject Rule)>();
        Walk(Schema(kind), "", (path, node) =>
        {
            foreach (var rule in node["x-kubernetes-validations"]?.AsArray() ?? [])
            {
                rules.Add((path, rule!.AsObject()));
            }
        });

        Assert.NotEmpty(rules);
        foreach (var (path, rule) in rules)
        {
            var message = (string?)rule["message"] ?? "";
            Assert.StartsWith("spec.", message);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["rule"]), path);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryListAndStringInASpecRuleIsBounded(string kind)
    {
        // The apiserver estimates CEL cost from maxItems/maxLength; unbounded lists under a rule blow the budget.
        var problems = new List<string>();
        Walk(Schema(kind)["properties"]!["spec"]!.AsObject(), "spec", (path, node) =>
        {
            var type = (string?)node["type"];
            if (type == "array" && node["maxItems"] is null)
            {
                problems.Add(path + ": array without maxItems");
            }

            if (type == "string" && node["maxLength"] is null)
            {
                problems.Add(path + ": string without maxLength");
            }
        });
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("RdsDatabase", "rdsdb", "Status,Endpoint,Params,Ready,Age")]
    [InlineData("BeanstalkApp", "ebapp", "Active,Health,Version,Ready,Age")]
    [InlineData("NlbFrontend", "nlbf", "IPs,Active,Ready,Age")]
    [InlineData("BlueGreenRelease", "bgr", "Phase,Stable,Candidate,Active,Gate,Traffic,Ready,Age")]
    public void NamesColumnsAndSubresources(string kind, string shortName, string columns)
    {
        var crd = CrdGenerator.BuildCrd(Kind(kind));
        var spec = crd["spec"]!;
        Assert.Equal("Namespaced", (string?)spec["scope"]);
        Assert.Equal(shortName, (string?)spec["names"]!["shortNames"]![0]);
        Assert.Equal("ebops", (string?)spec["names"]!["categories"]![0]);
        var version = spec["versions"]![0]!;
        Assert.NotNull(version["subresources"]!["status"]);
        var printed = version["additionalPrinterColumns"]!.AsArray().Select(c => (string?)c!["name"]);
        Assert.Equal(columns, string.Join(",", printed));
        var ready = version["additionalPrinterColumns"]!.AsArray().Single(c => (string?)c!["name"] == "Ready")!;
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].status", (string?)ready["jsonPath"]);
        var age = version["additionalPrinterColumns"]!.AsArray().Single(c => (string?)c!["name"] == "Age")!;
        Assert.Equal("date", (string?)age["type"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryFieldHasADescription(string kind)
    {
        var missing = new List<string>();
        Walk(Schema(kind), kind, (path, node) =>
        {
            if (path != kind && path != kind + ".metadata" && string.IsNullOrWhiteSpace((string?)node["description"]) && !path.EndsWith("{}", StringComparison.Ordinal) && !(path.EndsWith("[]", StringComparison.Ordinal) && (string?)node["type"] != "object"))
            {
                missing.Add(path);
            }
        });
        Assert.Empty(missing);
    }

    [Fact]
    public void DescriptionsMakeExplainUseful()
    {
        var strategy = Schema("BlueGreenRelease")["properties"]!["spec"]!["properties"]!["strategy"]!;
        Assert.Contains("seconds", (string?)strategy["description"]);
        foreach (var (name, field) in strategy["properties"]!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)field!["description"]), name);
        }
    }

    private static void Walk(JsonObject node, string path, Action<string, JsonObject> visit)
    {
        visit(path, node);
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                Walk(child!.AsObject(), path + "." + name, visit);
            }
        }

        if (node["items"] is JsonObject items)
        {
            Walk(items, path + "[]", visit);
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            Walk(additional, path + "{}", visit);
        }
    }
}
