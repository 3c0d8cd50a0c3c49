using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Tests.Kube.Validation;

public sealed class CrdSchemaValidatorTests
{
    private const string SchemaYaml = """
        type: object
        required: [spec]
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            required: [name]
            x-kubernetes-validations:
            - rule: "!has(self.a) || !has(self.b)"
              message: "spec: a and b are exclusive"
              fieldPath: .a
            properties:
              name:
                type: string
                maxLength: 10
                minLength: 2
                pattern: "^[a-z]+$"
                x-kubernetes-validations:
                - rule: self == oldSelf
                  message: spec.name is immutable
              a: {type: string, maxLength: 5}
              b: {type: string, maxLength: 5}
              mode: {type: string, enum: [Fast, Slow], default: Slow}
              port: {type: integer, minimum: 1, maximum: 65535, default: 80}
              size:
                type: object
                default: {}
                x-kubernetes-validations:
                - rule: self.min <= self.max
                  message: spec.size.min must be less than or equal to spec.size.max
                  fieldPath: .min
                properties:
                  min: {type: integer, default: 1}
                  max: {type: integer, default: 4}
              tags:
                type: array
                maxItems: 3
                minItems: 1
                x-kubernetes-list-type: set
                items: {type: string, maxLength: 5}
              subnets:
                type: array
                maxItems: 4
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [id]
                items:
                  type: object
                  required: [id]
                  x-kubernetes-validations:
                  - rule: self.id == oldSelf.id && (!has(oldSelf.zone) || self.zone == oldSelf.zone)
                    message: spec.subnets zone is immutable
                  properties:
                    id: {type: string, maxLength: 10}
                    zone: {type: string, maxLength: 10}
              env:
                type: object
                maxProperties: 2
                additionalProperties:
                  type: string
                  maxLength: 3
                  x-kubernetes-validations:
                  - rule: self != 'bad'
                    message: must not be bad
              free:
                type: object
                x-kubernetes-preserve-unknown-fields: true
              flag: {type: boolean}
              at: {type: string, format: date-time}
        """;

    private static CrdSchemaValidator Validator() => new(YamlDocuments.LoadObject(SchemaYaml));

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static IReadOnlyList<FieldError> Check(string spec, string? oldSpec = null)
    {
        var validator = Validator();
        var obj = Obj($$"""{"apiVersion":"x/v1","kind":"K","metadata":{"name":"n"},"spec":{{spec}}}""");
        validator.ApplyDefaults(obj);
        JsonObject? old = null;
        if (oldSpec is not null)
        {
            old = Obj($$"""{"spec":{{oldSpec}}}""");
            validator.ApplyDefaults(old);
        }

        return validator.Validate(obj, old);
    }

    [Fact]
    public void AValidObjectHasNoErrors() =>
        Assert.Empty(Check("""{"name":"abc","at":"2026-11-24T20:00:00.123456Z","a":"x","tags":["a","b"],"subnets":[{"id":"s1"}],"env":{"K":"v"},"free":{"any":[1,{"x":2}]}}"""));

    [Fact]
    public void DefaultsAreAppliedTopDownAndNullsPruned()
    {
        var validator = Validator();
        var obj = Obj("""{"spec":{"name":"abc","port":null}}""");
        validator.ApplyDefaults(obj);
        Assert.Equal("Slow", (string?)obj["spec"]!["mode"]);
        Assert.Equal(80, (int?)obj["spec"]!["port"]);
        Assert.Equal(1, (int?)obj["spec"]!["size"]!["min"]);
        Assert.Equal(4, (int?)obj["spec"]!["size"]!["max"]);
    }

    [Theory]
    [InlineData("""{}""", "spec.name", FieldErrorReasons.Required, "spec.name: Required value")]
    [InlineData("""{"name":"ABC"}""", "spec.name", FieldErrorReasons.Invalid, "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'")]
    [InlineData("""{"name":"abcdefghijk"}""", "spec.name", FieldErrorReasons.TooLong, "spec.name: Too long: may not be more than 10 bytes")]
    [InlineData("""{"name":"a"}""", "spec.name", FieldErrorReasons.Invalid, "spec.name: Invalid value: \"a\": spec.name in body should be at least 2 chars long")]
    [InlineData("""{"name":"abc","mode":"Medium"}""", "spec.mode", FieldErrorReasons.NotSupported, "spec.mode: Unsupported value: \"Medium\": supported values: \"Fast\", \"Slow\"")]
    [InlineData("""{"name":"abc","port":0}""", "spec.port", FieldErrorReasons.Invalid, "spec.port: Invalid value: 0: spec.port in body should be greater than or equal to 1")]
    [InlineData("""{"name":"abc","port":65536}""", "spec.port", FieldErrorReasons.Invalid, "spec.port: Invalid value: 65536: spec.port in body should be less than or equal to 65535")]
    [InlineData("""{"name":"abc","port":"80"}""", "spec.port", FieldErrorReasons.TypeInvalid, "spec.port: Invalid value: \"string\": spec.port in body must be of type integer: \"string\"")]
    [InlineData("""{"name":"abc","flag":"yes"}""", "spec.flag", FieldErrorReasons.TypeInvalid, null)]
    [InlineData("""{"name":"abc","tags":["a","b","c","d"]}""", "spec.tags", FieldErrorReasons.TooMany, "spec.tags: Too many: 4: must have at most 3 items")]
    [InlineData("""{"name":"abc","tags":[]}""", "spec.tags", FieldErrorReasons.Invalid, null)]
    [InlineData("""{"name":"abc","tags":["a","a"]}""", "spec.tags[1]", FieldErrorReasons.Duplicate, "spec.tags[1]: Duplicate value: \"a\"")]
    [InlineData("""{"name":"abc","tags":["a","toolong"]}""", "spec.tags[1]", FieldErrorReasons.TooLong, null)]
    [InlineData("""{"name":"abc","subnets":[{"id":"s1"},{"id":"s1","zone":"z"}]}""", "spec.subnets[1]", FieldErrorReasons.Duplicate, null)]
    [InlineData("""{"name":"abc","subnets":[{"zone":"z"}]}""", "spec.subnets[0].id", FieldErrorReasons.Required, null)]
    [InlineData("""{"name":"abc","env":{"A":"1","B":"2","C":"3"}}""", "spec.env", FieldErrorReasons.TooMany, null)]
    [InlineData("""{"name":"abc","env":{"A":"1234"}}""", "spec.env.A", FieldErrorReasons.TooLong, null)]
    [InlineData("""{"name":"abc","at":"yesterday"}""", "spec.at", FieldErrorReasons.TypeInvalid, "spec.at: Invalid value: \"yesterday\": spec.at in body must be of type date-time: \"yesterday\"")]
    [InlineData("""{"name":"abc","a":"x","b":"y"}""", "spec.a", FieldErrorReasons.Invalid, "spec.a: Invalid value: \"object\": spec: a and b are exclusive")]
    [InlineData("""{"name":"abc","size":{"min":5}}""", "spec.size.min", FieldErrorReasons.Invalid, "spec.size.min: Invalid value: \"object\": spec.size.min must be less than or equal to spec.size.max")]
    public void ReportsEachRuleOnTheField(string spec, string field, string reason, string? message)
    {
        var errors = Check(spec);
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.Equal(reason, error.Reason);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }

        Assert.StartsWith(field + ": ", error.Message);
        Assert.Equal(error.Message[(field.Length + 2)..], error.Body);
    }

    [Fact]
    public void ErrorsComeInTheApiserversOrderWithTheBlockingCauseLast()
    {
        // Schema errors node by node (a string reports only its first failure), required fields after the
        // properties, list duplicates after the schema walk, then the cause that says CEL did not run.
        var errors = Check("""{"name":"ABCDEFGHIJKL","port":0,"tags":["a","a"],"subnets":[{"zone":"z"}]}""");
        Assert.Equal(
            [
                "spec.name: Too long: may not be more than 10 bytes",
                "spec.port: Invalid value: 0: spec.port in body should be greater than or equal to 1",
                "spec.subnets[0].id: Required value",
                "spec.tags[1]: Duplicate value: \"a\"",
                "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
            ],
            errors.Select(e => e.Message));
        Assert.Equal(FieldPath.Nil, errors[^1].Field);
        Assert.Equal(FieldErrorReasons.Invalid, errors[^1].Reason);
    }

    [Fact]
    public void MapEntriesAreDottedInSchemaErrorsAndBracketedInRuleErrors()
    {
        Assert.Equal("spec.env.A: Too long: may not be more than 3 bytes", Check("""{"name":"abc","env":{"A":"1234"}}""")[0].Message);
        Assert.Equal("spec.env[A]: Invalid value: \"string\": must not be bad", Assert.Single(Check("""{"name":"abc","env":{"A":"bad"}}""")).Message);
    }

    [Fact]
    public void RuleEvaluationErrorsNameTheMessageAndFailuresHonourMessageExpressionReasonAndFieldPath()
    {
        var validator = new CrdSchemaValidator(YamlDocuments.LoadObject("""
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                - rule: self.x > 0
                  message: x must be positive
                - rule: self.y < 10
                  messageExpression: "'y is ' + string(self.y)"
                  reason: FieldValueForbidden
                  fieldPath: .y
                properties:
                  x: {type: integer}
                  y: {type: integer}
            """));
        Assert.Equal(
            ["spec: Invalid value: \"object\": no such key: x evaluating rule: x must be positive", "spec.y: Forbidden: y is 12"],
            validator.Validate(Obj("""{"spec":{"y":12}}"""), null).Select(e => e.Message));
        Assert.Equal(FieldErrorReasons.Forbidden, validator.Validate(Obj("""{"spec":{"x":1,"y":12}}"""), null).Single().Reason);
    }

    [Fact]
    public void NumbersBuiltInCodeValidateLikeParsedOnes()
    {
        var validator = Validator();
        var obj = new JsonObject { ["spec"] = new JsonObject { ["name"] = "abc", ["port"] = 70000, ["size"] = new JsonObject { ["min"] = 5, ["max"] = 2 } } };
        validator.ApplyDefaults(obj);
        var errors = validator.Validate(obj, null);
        Assert.Contains(errors, e => e.Field == "spec.port" && e.Reason == FieldErrorReasons.Invalid);
        Assert.Contains(errors, e => e.Field == "spec.size.min");
        Assert.DoesNotContain(errors, e => e.Reason == FieldErrorReasons.TypeInvalid);
    }

    [Fact]
    public void TransitionRulesRunOnlyOnUpdate()
    {
        Assert.Empty(Check("""{"name":"new"}"""));
        Assert.Empty(Check("""{"name":"same"}""", """{"name":"same"}"""));
        var error = Assert.Single(Check("""{"name":"new"}""", """{"name":"old"}"""));
        Assert.Equal("spec.name", error.Field);
        Assert.Equal("spec.name: Invalid value: \"string\": spec.name is immutable", error.Message);
    }

    [Fact]
    public void ListMapItemsCorrelateWithOldItemsByKey()
    {
        // Reordered but unchanged: fine. Zone of s2 changed: error on that item, found by key not by index.
        Assert.Empty(Check("""{"name":"abc","subnets":[{"id":"s2","zone":"b"},{"id":"s1","zone":"a"}]}""", """{"name":"abc","subnets":[{"id":"s1","zone":"a"},{"id":"s2","zone":"b"}]}"""));
        var error = Assert.Single(Check("""{"name":"abc","subnets":[{"id":"s1","zone":"a"},{"id":"s2","zone":"c"}]}""", """{"name":"abc","subnets":[{"id":"s2","zone":"b"},{"id":"s1","zone":"a"}]}"""));
        Assert.Equal("spec.subnets[1]", error.Field);
        // A new item has no old counterpart, so its transition rule does not run.
        Assert.Empty(Check("""{"name":"abc","subnets":[{"id":"s3","zone":"z"}]}""", """{"name":"abc","subnets":[{"id":"s1","zone":"a"}]}"""));
    }

    [Fact]
    public void TypeErrorsSkipCelRules()
    {
        var errors = Check("""{"name":"abc","port":"x","a":"x","b":"y"}""");
        Assert.Contains(errors, e => e.Reason == FieldErrorReasons.TypeInvalid && e.Field == "spec.port");
        Assert.DoesNotContain(errors, e => e.Field == "spec.a");
        Assert.Contains(errors, e => e.Message.Contains("some validation rules were not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void FindsAndPrunesUnknownFieldsButNotFreeFormOnes()
    {
        var validator = Validator();
        var obj = Obj("""{"apiVersion":"x/v1","kind":"K","metadata":{"name":"n","labels":{"a":"b"}},"spec":{"name":"abc","nmae":"typo","subnets":[{"id":"s","extra":1}],"free":{"anything":true}},"junk":1}""");
        Assert.Equal(["spec.nmae", "spec.subnets[0].extra", "junk"], validator.FindUnknownFields(obj));
        Assert.Equal(3, validator.PruneUnknownFields(obj).Count);
        Assert.Empty(validator.FindUnknownFields(obj));
        Assert.Null(obj["spec"]!["nmae"]);
        Assert.NotNull(obj["spec"]!["free"]!["anything"]);
    }

    [Fact]
    public void ReportsRulesItCannotEvaluate()
    {
        var schema = YamlDocuments.LoadObject("""
            type: object
            properties:
              q:
                type: string
                x-kubernetes-validations:
                - rule: quantity(self).isGreaterThan(quantity('1Gi'))
                - rule: self.size() < 10
            """);
        var validator = new CrdSchemaValidator(schema);
        Assert.Equal(["q: quantity(self).isGreaterThan(quantity('1Gi'))"], validator.UnsupportedRules);
        Assert.Empty(validator.Validate(Obj("""{"q":"abc"}"""), null));
        Assert.Single(validator.Validate(Obj("""{"q":"abcdefghijkl"}"""), null));
    }

    [Fact]
    public void YamlTypesFollowTheCoreSchema()
    {
        var doc = YamlDocuments.LoadObject("""
            a: 1
            b: "1"
            c: true
            d: 'true'
            e: 1.5
            f: ~
            g: 8.0.1
            h: "8.0"
            """);
        Assert.Equal("""{"a":1,"b":"1","c":true,"d":"true","e":1.5,"f":null,"g":"8.0.1","h":"8.0"}""", doc.ToJsonString());
    }
}
