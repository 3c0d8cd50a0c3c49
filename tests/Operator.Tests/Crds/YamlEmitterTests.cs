using System.Text.Json.Nodes;
using Ebops.Operator.Crds;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Operator.Tests.Crds;

public sealed class YamlEmitterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("N")]
    [InlineData("off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("8.0")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("2026-11-24")]
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("#comment")]
    [InlineData("- item")]
    [InlineData("@at")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("{flow}")]
    [InlineData("[flow]")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("back\\slash")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("ünïcödé")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status")]
    [InlineData("^[a-z]([a-z0-9]|-[a-z0-9])*$")]
    [InlineData("64bit Amazon Linux 2023 v4.3.0 running Corretto 17")]
    [InlineData("/")]
    [InlineData("plain-text_with.dots/and,commas (and parens) it's fine")]
    public void StringsReadBackAsTheSameString(string value)
    {
        var tree = new JsonObject { [value.Length == 0 ? "empty" : value] = value, ["list"] = new JsonArray(value, new JsonObject { ["k"] = value }) };
        var yaml = YamlEmitter.Emit(tree);
        var back = YamlDocuments.LoadObject(yaml);
        Assert.True(JsonNode.DeepEquals(tree, back), yaml);
    }

    [Fact]
    public void NumbersBooleansNestingAndEmptiesRoundTrip()
    {
        var tree = JsonNode.Parse("""
            {"b": true, "f": false, "i": 42, "n": -7, "d": 1.5, "empty": {}, "none": [],
             "nested": {"list": [{"a": 1, "b": [1, 2]}, [3, 4], {}, [], "x"]}}
            """)!;
        var back = YamlDocuments.LoadObject(YamlEmitter.Emit(tree, "header\nsecond line"));
        Assert.True(JsonNode.DeepEquals(tree, back));
    }

    [Fact]
    public void KeysAreSortedSoOutputIsStable()
    {
        var a = YamlEmitter.Emit(JsonNode.Parse("""{"b":1,"a":{"d":2,"c":3}}""")!);
        var b = YamlEmitter.Emit(JsonNode.Parse("""{"a":{"c":3,"d":2},"b":1}""")!);
        Assert.Equal(a, b);
        Assert.True(a.IndexOf("a:", StringComparison.Ordinal) < a.IndexOf("b:", StringComparison.Ordinal));
    }
}
