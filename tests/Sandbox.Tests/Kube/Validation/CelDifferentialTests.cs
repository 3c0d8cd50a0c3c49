using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Tests.Kube.Validation;

/// <summary>
/// The validator's CEL subset against an independent CEL implementation (the Cel NuGet package), on the rules of the
/// generated CRDs and on general expressions. Cel lacks the Kubernetes string/list libraries, so expressions using
/// them are compared only where it can parse them. Inputs avoid empty objects: the oracle applies proto3 presence to
/// maps (has() is false for an empty map), where Kubernetes tests key presence (CelProgramTests pins that).
/// </summary>
public sealed class CelDifferentialTests
{
    private static readonly global::Cel.CelEnvironment Oracle = new(null, "");

    public static TheoryData<string, string, string?> Inputs() => new()
    {
        // Rules of the generated CRDs, with passing and failing inputs.
        { "self.min <= self.max", """{"min":2,"max":4}""", null },
        { "self.min <= self.max", """{"min":5,"max":4}""", null },
        { "has(self.subnetGroupName) != has(self.subnets)", """{"subnets":["a","b"]}""", null },
        { "has(self.subnetGroupName) != has(self.subnets)", """{"subnets":["a","b"],"subnetGroupName":"default"}""", null },
        { "has(self.subnetGroupName) != has(self.subnets)", """{}""", null },
        { "has(self.fromCidr) != has(self.fromSecurityGroupOf)", """{"port":3306,"fromCidr":"10.0.0.0/8"}""", null },
        { "has(self.fromCidr) != has(self.fromSecurityGroupOf)", """{"port":3306}""", null },
        { "has(self.allocationId) != (has(self.allocate) && self.allocate)", """{"subnetId":"s","allocate":true}""", null },
        { "has(self.allocationId) != (has(self.allocate) && self.allocate)", """{"subnetId":"s","allocate":false}""", null },
        { "has(self.allocationId) != (has(self.allocate) && self.allocate)", """{"subnetId":"s","allocate":true,"allocationId":"e"}""", null },
        { "has(self.allocationId) != (has(self.allocate) && self.allocate)", """{"subnetId":"s","allocationId":"e"}""", null },
        { "(has(self.ebHealth) ? 1 : 0) + (has(self.targetHealth) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1", """{"name":"a","targetHealth":{"x":1}}""", null },
        { "(has(self.ebHealth) ? 1 : 0) + (has(self.targetHealth) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1", """{"name":"a","targetHealth":{"x":1},"http":{"path":"/"}}""", null },
        { "(has(self.ebHealth) ? 1 : 0) + (has(self.targetHealth) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1", """{"name":"a"}""", null },
        { "has(self.solutionStackName) != has(self.platformArn)", """{"solutionStackName":"64bit Amazon Linux 2023 v4.3.0 running Corretto 17"}""", null },
        { "has(self.solutionStackName) != has(self.platformArn)", """{"solutionStackName":"s","platformArn":"arn:aws:elasticbeanstalk:x::platform/p"}""", null },
        { "self.minSeconds <= self.maxSeconds", """{"minSeconds":300,"maxSeconds":3600}""", null },
        { "!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbSwitch' || has(self.frontendRef)", """{"strategy":{"cutover":"NlbSwitch"}}""", null },
        { "!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbSwitch' || has(self.frontendRef)", """{"strategy":{"cutover":"CnameSwap"}}""", null },
        { "!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbSwitch' || has(self.frontendRef)", """{"strategy":{}}""", null },
        { "self.size() == 0 || self[self.size() - 1].weight == 100", """[{"weight":5},{"weight":100}]""", null },
        { "self.size() == 0 || self[self.size() - 1].weight == 100", """[{"weight":5},{"weight":50}]""", null },
        { "(self.size() < 2 || self[0].weight < self[1].weight) && (self.size() < 3 || self[1].weight < self[2].weight) && (self.size() < 4 || self[2].weight < self[3].weight) && (self.size() < 5 || self[3].weight < self[4].weight) && (self.size() < 6 || self[4].weight < self[5].weight) && (self.size() < 7 || self[5].weight < self[6].weight) && (self.size() < 8 || self[6].weight < self[7].weight) && (self.size() < 9 || self[7].weight < self[8].weight) && (self.size() < 10 || self[8].weight < self[9].weight)", """[{"weight":5},{"weight":100}]""", null },
        { "(self.size() < 2 || self[0].weight < self[1].weight) && (self.size() < 3 || self[1].weight < self[2].weight) && (self.size() < 4 || self[2].weight < self[3].weight) && (self.size() < 5 || self[3].weight < self[4].weight) && (self.size() < 6 || self[4].weight < self[5].weight) && (self.size() < 7 || self[5].weight < self[6].weight) && (self.size() < 8 || self[6].weight < self[7].weight) && (self.size() < 9 || self[7].weight < self[8].weight) && (self.size() < 10 || self[8].weight < self[9].weight)", """[{"weight":50},{"weight":25}]""", null },
        { "(self.size() < 2 || self[0].weight < self[1].weight) && (self.size() < 3 || self[1].weight < self[2].weight) && (self.size() < 4 || self[2].weight < self[3].weight) && (self.size() < 5 || self[3].weight < self[4].weight) && (self.size() < 6 || self[4].weight < self[5].weight) && (self.size() < 7 || self[5].weight < self[6].weight) && (self.size() < 8 || self[6].weight < self[7].weight) && (self.size() < 9 || self[7].weight < self[8].weight) && (self.size() < 10 || self[8].weight < self[9].weight)", """[{"weight":50},{"weight":50}]""", null },
        { "!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbWeighted' || (has(self.frontendRef) && has(self.strategy.steps) && self.strategy.steps.size() > 0)", """{"strategy":{"cutover":"NlbWeighted"},"frontendRef":{"name":"f"}}""", null },
        { "!has(self.strategy) || !has(self.strategy.cutover) || self.strategy.cutover != 'NlbWeighted' || (has(self.frontendRef) && has(self.strategy.steps) && self.strategy.steps.size() > 0)", """{"strategy":{"cutover":"NlbWeighted","steps":[{"weight":100}]},"frontendRef":{"name":"f"}}""", null },
        { "self == oldSelf", "\"myapp-db\"", "\"myapp-db\"" },
        { "self == oldSelf", "\"myapp-db\"", "\"other\"" },
        { "self == oldSelf", """{"name":"a"}""", """{"name":"a"}""" },
        { "self == oldSelf", """[{"subnetId":"a","allocate":true}]""", """[{"subnetId":"a","allocate":true},{"subnetId":"b"}]""" },
        { "self >= oldSelf", "50", "40" },
        { "self >= oldSelf", "40", "50" },
        { "!has(oldSelf.vpcId) || (has(self.vpcId) && self.vpcId == oldSelf.vpcId)", """{"vpcId":"vpc-a","instanceSubnets":["s"]}""", """{"vpcId":"vpc-a","instanceSubnets":["s"]}""" },
        { "!has(oldSelf.vpcId) || (has(self.vpcId) && self.vpcId == oldSelf.vpcId)", """{"vpcId":"vpc-b","instanceSubnets":["s"]}""", """{"vpcId":"vpc-a","instanceSubnets":["s"]}""" },
        { "!has(oldSelf.vpcId) || (has(self.vpcId) && self.vpcId == oldSelf.vpcId)", """{"instanceSubnets":["s"]}""", """{"vpcId":"vpc-a","instanceSubnets":["s"]}""" },
        { "!has(oldSelf.vpcId) || (has(self.vpcId) && self.vpcId == oldSelf.vpcId)", """{"vpcId":"vpc-a","instanceSubnets":["s"]}""", """{"instanceSubnets":["s"]}""" },

        // General forms.
        { "size(self.tags) == 2 && self.tags.all(t, size(t) == 1)", """{"tags":["a","b"]}""", null },
        { "self.tags.exists(t, t == 'b') && !self.tags.exists(t, t == 'z')", """{"tags":["a","b"]}""", null },
        { "self.name.startsWith('my') && self.name.endsWith('db') && self.name.contains('-')", """{"name":"my-db"}""", null },
        { "self.name.matches('^[a-z]+(-[a-z]+)*$')", """{"name":"my-db"}""", null },
        { "self.n * 2 + 1 == 7 && self.n / 2 == 1 && self.n % 2 == 1", """{"n":3}""", null },
        { "self.n > 2 ? self.n - 2 == 1 : false", """{"n":3}""", null },
        { "'a' in self.tags", """{"tags":["a"]}""", null },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void AgreesWithAnIndependentCelImplementation(string rule, string self, string? oldSelf)
    {
        var selfNode = JsonNode.Parse(self);
        var oldNode = oldSelf is null ? null : JsonNode.Parse(oldSelf);
        var ours = CelProgram.Compile(rule).Evaluate(CelValues.FromJson(selfNode), CelValues.FromJson(oldNode));

        var vars = new Dictionary<string, object?> { ["self"] = ToOracle(selfNode) };
        if (oldNode is not null)
        {
            vars["oldSelf"] = ToOracle(oldNode);
        }

        var theirs = Oracle.Program(rule, vars!);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void EveryRuleOfTheGeneratedCrdsIsInTheDifferentialTable()
    {
        var rules = new HashSet<string>();
        var dir = RepoCrdTests.FindRepoFile("config", "crds");
        foreach (var file in Directory.GetFiles(dir, "ebops.io_*.yaml"))
        {
            var crd = YamlDocuments.LoadObject(File.ReadAllText(file));
            Collect(crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject(), rules);
        }

        var tested = Inputs().Select(row => row.Data.Item1).ToHashSet();
        Assert.Equal([], rules.Except(tested).ToList());
    }

    private static void Collect(JsonObject schema, HashSet<string> rules)
    {
        foreach (var rule in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            rules.Add((string)rule!["rule"]!);
        }

        foreach (var child in new[] { schema["items"], schema["additionalProperties"] }.OfType<JsonObject>()
                     .Concat((schema["properties"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>() ?? []))
        {
            Collect(child, rules);
        }
    }

    // The oracle reads maps as Dictionary<string, object>, lists as object[], integers as long.
    private static object? ToOracle(JsonNode? node) => Convert(CelValues.FromJson(node));

    private static object? Convert(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Convert(p.Value)),
        IReadOnlyList<object?> list => list.Select(Convert).ToArray(),
        _ => value,
    };
}
