using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Tests.Kube.Validation;

public sealed class OpenApiSchemaConverterTests
{
    [Fact]
    public void MapsKubernetesExtensionsToJsonSchema()
    {
        var schema = YamlDocuments.LoadObject("""
            type: object
            required: [a]
            properties:
              a: {type: string, nullable: true, maxLength: 3, format: date-time, default: x}
              b: {x-kubernetes-int-or-string: true}
              c: {type: array, x-kubernetes-list-type: set, items: {type: string}}
              d: {type: string, enum: [X, Y], nullable: true}
              e: {type: object, additionalProperties: {type: integer}}
            """);
        var converted = OpenApiSchemaConverter.ToJsonSchema(schema);
        Assert.Equal("""["string","null"]""", converted["properties"]!["a"]!["type"]!.ToJsonString());
        Assert.Null(converted["properties"]!["a"]!["format"]);
        Assert.Null(converted["properties"]!["a"]!["default"]);
        Assert.Equal("""["integer","string"]""", converted["properties"]!["b"]!["type"]!.ToJsonString());
        Assert.True((bool)converted["properties"]!["c"]!["uniqueItems"]!);
        Assert.Equal("""["X","Y",null]""", converted["properties"]!["d"]!["enum"]!.ToJsonString());
        Assert.Equal("integer", (string?)converted["properties"]!["e"]!["additionalProperties"]!["type"]);
    }

    [Fact]
    public void JsonSchemaNetAgreesOnStructuralErrors()
    {
        var validator = new CrdSchemaValidator(YamlDocuments.LoadObject("""
            type: object
            properties:
              n: {type: integer, maximum: 5}
              s: {type: string, pattern: "^[a-z]+$"}
              i: {x-kubernetes-int-or-string: true}
            """));
        Assert.Empty(validator.EvaluateJsonSchema(JsonNode.Parse("""{"n":5,"s":"ab","i":"50%"}""")!.AsObject()));
        var errors = validator.EvaluateJsonSchema(JsonNode.Parse("""{"n":6,"s":"AB","i":true}""")!.AsObject());
        Assert.Contains(errors, e => e.StartsWith("/n: maximum", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/s: pattern", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/i: type", StringComparison.Ordinal));
    }
}
