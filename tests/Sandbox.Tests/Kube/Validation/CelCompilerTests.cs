using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Sandbox.Kube.Validation.Cel;
using Ebops.Sandbox.Kube.Validation.Crds;

namespace Ebops.Sandbox.Tests.Kube.Validation;

/// <summary>
/// Rule compilation as kube-apiserver reports it. The two multi-issue cases are error texts real clusters printed for
/// real CRDs (perses-operator#401, grafana-operator#2552): the same rules against the same fields must read the same.
/// </summary>
public sealed class CelCompilerTests
{
    private static readonly CelType Auth = CelType.Object(new Dictionary<string, CelType>
    {
        ["type"] = CelType.StringOf(20),
        ["name"] = CelType.StringOf(253),
    });

    [Fact]
    public void AnUndefinedFieldInHasIsReportedAtTheMacroCall() =>
        Assert.Equal(
            "compilation failed: ERROR: <input>:1:57: undefined field 'namespace'\n | self.type != 'secret' && self.type != 'configmap' || has(self.namespace)\n | ........................................................^",
            CelCompiler.CompileRule("self.type != 'secret' && self.type != 'configmap' || has(self.namespace)", Auth).Error);

    [Fact]
    public void EveryIssueIsReportedInSourceOrder() =>
        Assert.Equal(
            "compilation failed: ERROR: <input>:1:7: undefined field 'namespace'\n | (!(has(oldSelf.namespace) && !has(self.namespace)))\n | ......^\nERROR: <input>:1:34: undefined field 'namespace'\n | (!(has(oldSelf.namespace) && !has(self.namespace)))\n | .................................^",
            CelCompiler.CompileRule("(!(has(oldSelf.namespace) && !has(self.namespace)))", Auth).Error);

    [Theory]
    [InlineData("self.name.startsWith(1)", "compilation failed: ERROR: <input>:1:21: found no matching overload for 'startsWith' applied to 'string.(int)'\n | self.name.startsWith(1)\n | ....................^")]
    [InlineData("nope == 1", "compilation failed: ERROR: <input>:1:1: undeclared reference to 'nope' (in container '')\n | nope == 1\n | ^")]
    [InlineData("self.name.frobnicate()", "compilation failed: ERROR: <input>:1:21: undeclared reference to 'frobnicate' (in container '')\n | self.name.frobnicate()\n | ....................^")]
    [InlineData("self.type.size", "compilation failed: ERROR: <input>:1:10: type 'string' does not support field selection\n | self.type.size\n | .........^")]
    [InlineData("self.name", "cel expression must evaluate to a bool")]
    [InlineData("self.name.size() < 10 &&\n  self.nope", "compilation failed: ERROR: <input>:2:7: undefined field 'nope'\n |   self.nope\n | ......^")]
    public void RulesThatDoNotTypeCheckAreRejected(string rule, string expected) => Assert.Equal(expected, CelCompiler.CompileRule(rule, Auth).Error);

    [Fact]
    public void MessageExpressionsMustBeStrings()
    {
        Assert.Null(CelCompiler.CompileMessageExpression("'type ' + self.type + ' is not allowed'", Auth).Error);
        Assert.Equal("messageExpression must evaluate to a string", CelCompiler.CompileMessageExpression("self.name.size()", Auth).Error);
    }

    [Fact]
    public void KubernetesLibraryFunctionsTheEmulatorDoesNotEvaluateStillCompile()
    {
        var compiled = CelCompiler.CompileRule("quantity(self.name).isGreaterThan(quantity('1Gi')) && self == oldSelf", Auth);
        Assert.Null(compiled.Error);
        Assert.True(compiled.UsesOldSelf);
    }

    [Fact]
    public void PropertiesThatAreNotIdentifiersAreReachedByTheirEscapedNames()
    {
        var schema = YamlDocuments.LoadObject("""
            type: object
            x-kubernetes-validations:
            - rule: self.max__dash__size > 0 && self.__namespace__ != ''
              message: bad
            properties:
              max-size: {type: integer}
              namespace: {type: string, maxLength: 10}
            """);
        Assert.Null(CelCompiler.CompileRule("self.max__dash__size > 0 && self.__namespace__ != ''", CelDeclTypes.From(schema)).Error);
        var validator = new CrdSchemaValidator(schema);
        Assert.Empty(validator.Validate(JsonNode.Parse("""{"max-size":1,"namespace":"a"}""")!.AsObject(), null));
        Assert.Equal("<nil>: Invalid value: \"object\": bad", Assert.Single(validator.Validate(JsonNode.Parse("""{"max-size":0,"namespace":"a"}""")!.AsObject(), null)).Message);
    }

    [Fact]
    public void CostGrowsWithTheBoundsTheSchemaSets()
    {
        ulong Cost(long items, long length) => CelCompiler.CompileRule("self.all(n, n.contains('a'))", CelType.List(CelType.StringOf(length), items)).MaxCost;
        Assert.True(Cost(10, 10) < Cost(100, 10));
        Assert.True(Cost(10, 10) < Cost(10, 1000));
        Assert.True(CelCompiler.CompileRule("self.size <= 4", CelType.Object(new Dictionary<string, CelType> { ["size"] = CelType.Int })).MaxCost < 10);
    }
}
