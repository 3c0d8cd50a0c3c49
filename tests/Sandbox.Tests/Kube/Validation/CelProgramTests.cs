using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Tests.Kube.Validation;

public sealed class CelProgramTests
{
    private const string Self = """
        {"min": 2, "max": 4, "name": "myapp-blue", "ratio": 0.5, "tags": ["a", "b", "c"],
         "env": {"A": "1"}, "allocate": true, "empty": {}, "items": [{"n": 1}, {"n": 2}]}
        """;

    [Theory]
    [InlineData("self.min <= self.max", true)]
    [InlineData("self.min > self.max", false)]
    [InlineData("self.min + 2 == self.max", true)]
    [InlineData("self.max / 3 == 1 && self.max % 3 == 1", true)]
    [InlineData("self.min * 2 - 1 == 3", true)]
    [InlineData("-self.min == -2", true)]
    [InlineData("has(self.min) != has(self.missing)", true)]
    [InlineData("has(self.allocate) && self.allocate", true)]
    [InlineData("has(self.missing) || self.min == 2", true)]
    [InlineData("(has(self.min) ? 1 : 0) + (has(self.max) ? 1 : 0) + (has(self.zzz) ? 1 : 0) == 2", true)]
    [InlineData("size(self.tags) == 3 && self.tags.size() == 3", true)]
    [InlineData("size(self.name) == 10", true)]
    [InlineData("self.tags.all(t, t.size() == 1)", true)]
    [InlineData("self.tags.exists(t, t == 'b')", true)]
    [InlineData("self.tags.exists_one(t, t != 'a')", false)]
    [InlineData("self.tags.filter(t, t != 'a').size() == 2", true)]
    [InlineData("self.tags.map(t, t + '!') == ['a!', 'b!', 'c!']", true)]
    [InlineData("self.items.all(i, i.n > 0)", true)]
    [InlineData("self.env.all(k, k.startsWith('A'))", true)]
    [InlineData("'b' in self.tags && 'A' in self.env && !('z' in self.tags)", true)]
    [InlineData("self.name.startsWith('myapp') && self.name.endsWith('-blue') && self.name.contains('app-')", true)]
    [InlineData("self.name.matches('^[a-z]+-[a-z]+$')", true)]
    [InlineData("self.name.matches('--')", false)]
    [InlineData("self.name.upperAscii() == 'MYAPP-BLUE'", true)]
    [InlineData("self.ratio < 1 && self.ratio > 0.25", true)]
    [InlineData("self.empty == {}", true)]
    [InlineData("has(self.empty)", true)] // key presence, as Kubernetes does (targetHealth: {} selects a check)
    [InlineData("self.tags[1] == \"b\"", true)]
    [InlineData("self.env['A'] == '1'", true)]
    [InlineData("int('42') == 42 && string(42) == '42' && double(self.min) == 2.0", true)]
    [InlineData("self.tags.join(',') == 'a,b,c' && 'a,b'.split(',').size() == 2", true)]
    [InlineData("[3, 1].isSorted() == false && [1, 2, 3].sum() == 6", true)]
    [InlineData("self.min == 2 ? 'two' == 'two' : false", true)]
    [InlineData("1 + 2 * 3 == 7 && (1 + 2) * 3 == 9", true)]
    [InlineData("true || false && false", true)]
    public void EvaluatesTheFormsValidationRulesUse(string rule, bool expected)
    {
        var program = CelProgram.Compile(rule);
        Assert.Equal(expected, program.Evaluate(CelValues.FromJson(JsonNode.Parse(Self))));
    }

    [Fact]
    public void OldSelfMakesATransitionRule()
    {
        var program = CelProgram.Compile("self == oldSelf");
        Assert.True(program.IsTransitionRule);
        Assert.False(CelProgram.Compile("self.min <= self.max").IsTransitionRule);
        Assert.Equal(true, program.Evaluate("a", "a"));
        Assert.Equal(false, program.Evaluate("a", "b"));
        Assert.Equal(true, program.Evaluate(
            CelValues.FromJson(JsonNode.Parse("""{"a":[1,{"b":"c"}]}""")),
            CelValues.FromJson(JsonNode.Parse("""{"a":[1,{"b":"c"}]}"""))));
    }

    [Fact]
    public void MissingKeyIsAnErrorUnlessAnotherSideDecides()
    {
        var self = CelValues.FromJson(JsonNode.Parse("""{"a": 1}"""));
        Assert.Throws<CelException>(() => CelProgram.Compile("self.b == 1").Evaluate(self));
        Assert.Equal(true, CelProgram.Compile("self.b == 1 || self.a == 1").Evaluate(self));
        Assert.Equal(false, CelProgram.Compile("self.b == 1 && self.a == 2").Evaluate(self));
        Assert.Throws<CelException>(() => CelProgram.Compile("self.b == 1 && self.a == 1").Evaluate(self));
    }

    [Fact]
    public void IntegerOverflowAndDivisionByZeroAreErrors()
    {
        Assert.ThrowsAny<Exception>(() => CelProgram.Compile("9223372036854775807 + 1 > 0").Evaluate(null));
        Assert.Throws<CelException>(() => CelProgram.Compile("1 / 0 == 0").Evaluate(null));
    }

    [Theory]
    [InlineData("self.x <")]
    [InlineData("self.x == 'unterminated")]
    [InlineData("has(self)")]
    [InlineData("self.x.quantity() > 1")]
    [InlineData("url(self.x).getHost() == 'a'")]
    [InlineData("self.x # 1")]
    public void RejectsWhatItCannotParse(string rule) =>
        Assert.Throws<CelException>(() => CelProgram.Compile(rule));
}
