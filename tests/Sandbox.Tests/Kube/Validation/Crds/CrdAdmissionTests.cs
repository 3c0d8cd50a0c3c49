using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Sandbox.Kube.Validation.Crds;

namespace Ebops.Sandbox.Tests.Kube.Validation.Crds;

/// <summary>
/// CRD admission against the rules of kube-apiserver's apiextensions validation: each case breaks a valid CRD in one
/// place and expects the apiserver's errors, word for word and in its order.
/// </summary>
public sealed class CrdAdmissionTests
{
    private const string S = "spec.validation.openAPIV3Schema";
    private const string P = S + ".properties[spec]";
    private const string Dns1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    private const string Cost = "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";

    private static readonly Dictionary<string, (Func<JsonObject, JsonObject> Break, string[] Expected)> Cases = new()
    {
        ["name is not plural.group"] = (c => c.Set("metadata.name", "gizmos.test.ebops.io"), ["metadata.name: Invalid value: \"gizmos.test.ebops.io\": must be spec.names.plural+\".\"+spec.group"]),
        ["group without a dot"] = (c => c.Set("spec.group", "test").Set("metadata.name", "gadgets.test"), ["spec.group: Invalid value: \"test\": should be a domain with at least one dot"]),
        ["unknown scope"] = (c => c.Set("spec.scope", "Global"), ["spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\""]),
        ["no storage version"] = (c => c.Set("spec.versions[0].storage", false), [
            "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version",
            "status.storedVersions: Invalid value: []string(nil): must have at least one stored version"]),
        ["version name not a DNS-1035 label"] = (c => c.Set("spec.versions[0].name", "V1"), [$"spec.versions[0].name: Invalid value: \"V1\": {Dns1035}", $"spec.version: Invalid value: \"V1\": {Dns1035}"]),
        ["upper-case plural"] = (c => c.Set("spec.names.plural", "Gadgets").Set("metadata.name", "Gadgets.test.ebops.io"), [$"spec.names.plural: Invalid value: \"Gadgets\": {Dns1035}"]),
        ["listKind equals kind"] = (c => c.Set("spec.names.listKind", "Gadget"), ["spec.names.listKind: Invalid value: \"Gadget\": kind and listKind may not be the same"]),
        ["short name with underscore"] = (c => c.Set("spec.names.shortNames[0]", "g_d"), [$"spec.names.shortNames[0]: Invalid value: \"g_d\": {Dns1035}"]),
        ["printer column type"] = (c => c.Set("spec.versions[0].additionalPrinterColumns[0].type", "text"), ["spec.additionalPrinterColumns[0].type: Invalid value: \"text\": must be one of boolean,date,integer,number,string"]),
        ["printer column path"] = (c => c.Set("spec.versions[0].additionalPrinterColumns[0].jsonPath", "spec.size"), ["spec.additionalPrinterColumns[0].JSONPath: Invalid value: \"spec.size\": must be a simple json path starting with ."]),
        ["additionalProperties at the root"] = (c => c.Set(CrdFixture.Schema + ".additionalProperties", new JsonObject { ["type"] = "string" }), [
            $"{S}: Invalid value: apiextensions.JSONSchemaProps{{...}}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled",
            $"{S}.additionalProperties: Forbidden: must not be used at the root",
            $"{S}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"]),
        ["field without a type"] = (c => c.Set(CrdFixture.Spec + ".properties.size", new JsonObject { ["minimum"] = 1 }), [$"{P}.properties[size].type: Required value: must not be empty for specified object fields"]),
        ["array without items"] = (c => c.Set(CrdFixture.Spec + ".properties.tags.items", null), [$"{P}.properties[tags].items: Required value: must be specified"]),
        ["metadata beyond name"] = (c => c.Set(CrdFixture.Schema + ".properties.metadata.properties", CrdFixture.Yamlish("{labels: {type: object}}")), [$"{S}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"]),
        ["default with an unknown field"] = (c => c.Set(CrdFixture.Spec + ".properties.box", CrdFixture.Yamlish("{type: object, default: {w: 1, x: 2}, properties: {w: {type: integer}}}")), [$"{P}.properties[box].default: Invalid value: map[string]interface {{}}{{\"w\":1, \"x\":2}}: must not have unknown fields"]),
        ["default below the minimum"] = (c => c.Set(CrdFixture.Spec + ".properties.limit.minimum", 1).Set(CrdFixture.Spec + ".properties.limit.default", 0), [$"{P}.properties[limit].default: Invalid value: 0:  in body should be greater than or equal to 1"]),
        ["default outside the enum"] = (c => c.Set(CrdFixture.Spec + ".properties.mode.default", "Medium"), [$"{P}.properties[mode].default: Unsupported value: \"Medium\": supported values: \"Fast\", \"Slow\""]),
        ["default in top-level metadata"] = (c => c.Set(CrdFixture.Schema + ".properties.metadata.default", new JsonObject()), [$"{S}.properties[metadata].default: Forbidden: must not be set in top-level metadata"]),
        ["map list without keys"] = (c => c.Set(CrdFixture.Spec + ".properties.ports.x-kubernetes-list-map-keys", null), [$"{P}.properties[ports].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map"]),
        ["map key neither required nor defaulted"] = (c => c.Set(CrdFixture.Spec + ".properties.ports.items.required", null), [$"{P}.properties[ports].items.properties[port].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"]),
        ["map keys without list type"] = (c => c.Set(CrdFixture.Spec + ".properties.ports.x-kubernetes-list-type", null), [$"{P}.properties[ports].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty"]),
        ["set of granular objects"] = (c => c.Set(CrdFixture.Spec + ".properties.tags.items", CrdFixture.Yamlish("{type: object}")), [$"{P}.properties[tags].items.x-kubernetes-map-type: Invalid value: \"null\": must be atomic as item of a list with x-kubernetes-list-type=set"]),
        ["map type on a string"] = (c => c.Set(CrdFixture.Spec + ".properties.name.x-kubernetes-map-type", "atomic"), [$"{P}.properties[name].type: Invalid value: \"string\": must be object if x-kubernetes-map-type is specified"]),
        ["preserve unknown fields false"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-preserve-unknown-fields", false), [$"{P}.x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined"]),
        ["unique items"] = (c => c.Set(CrdFixture.Spec + ".properties.tags.uniqueItems", true), [$"{P}.properties[tags].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic"]),
        ["type null"] = (c => c.Set(CrdFixture.Spec + ".properties.size.type", "null"), [
            $"{P}.properties[size].type: Unsupported value: \"null\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"",
            $"{P}.properties[size].type: Forbidden: type cannot be set to null, use nullable as an alternative"]),
        ["empty rule"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].rule", " "), [$"{P}.x-kubernetes-validations[0].rule: Required value: rule is not specified"]),
        ["message with a line break"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].message", "too\nbig"), [$"{P}.x-kubernetes-validations[0].message: Invalid value: \"too\\nbig\": message must not contain line breaks"]),
        ["unsupported reason"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].reason", "Bad"), [$"{P}.x-kubernetes-validations[0].reason: Unsupported value: \"Bad\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\""]),
        ["field path to nowhere"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].fieldPath", ".nope"), [$"{P}.x-kubernetes-validations[0].fieldPath: Invalid value: \".nope\": fieldPath must be a valid path"]),
        ["rule reading an undefined field"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].rule", "self.size <= self.max"), [
            $"{P}.x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{{Rule:\"self.size <= self.max\", Message:\"spec.size must not exceed spec.limit\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\".size\", OptionalOldSelf:(*bool)(nil)}}: compilation failed: ERROR: <input>:1:18: undefined field 'max'\n | self.size <= self.max\n | .................^"]),
        ["rule that is not a bool"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0]", CrdFixture.Yamlish("{rule: self.size + 1}")), [
            $"{P}.x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{{Rule:\"self.size + 1\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}}: cel expression must evaluate to a bool"]),
        ["rule comparing an int with a string"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0]", CrdFixture.Yamlish("{rule: \"self.size == 'big'\"}")), [
            $"{P}.x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{{Rule:\"self.size == 'big'\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}}: compilation failed: ERROR: <input>:1:11: found no matching overload for '_==_' applied to '(int, string)'\n | self.size == 'big'\n | ..........^"]),
        ["oldSelf in the items of a set"] = (c => c.Set(CrdFixture.Spec + ".properties.tags.items.x-kubernetes-validations", CrdFixture.Yamlish("[{rule: self == oldSelf}]")), [
            $"{P}.properties[tags].items.x-kubernetes-validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the uncorrelatable portion of the schema within {P}.properties[tags]"]),
        ["rule over an unbounded list"] = (c => c.Set(CrdFixture.Spec + ".properties.names", CrdFixture.Yamlish("{type: array, items: {type: string}, x-kubernetes-validations: [{rule: \"self.all(n, n.matches('^[a-z]+$'))\"}]}")), [
            $"{P}.properties[names].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x {Cost}",
            $"{P}.properties[names].x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema",
            $"{S}: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x {Cost}"]),
        ["webhook conversion without a webhook"] = (c => c.Set("spec.conversion", CrdFixture.Yamlish("{strategy: Webhook}")), [
            "spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook",
            "spec.conversion.conversionReviewVersions: Required value"]),
        ["protected group without approval"] = (c => c.Set("spec.group", "test.k8s.io").Set("metadata.name", "gadgets.test.k8s.io"), [
            "metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation \"api-approved.kubernetes.io\", see https://github.com/kubernetes/enhancements/pull/1111"]),
        ["preserveUnknownFields with defaults"] = (c => c.Set("spec.preserveUnknownFields", true), [
            "spec.preserveUnknownFields: Invalid value: true: must be false in order to use defaults in the schema",
            "spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"]),
        ["nullable root"] = (c => c.Set(CrdFixture.Schema + ".nullable", true), [
            $"{S}: Invalid value: apiextensions.JSONSchemaProps{{...}}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled",
            $"{S}.nullable: Forbidden: nullable cannot be true at the root"]),
        ["type inside allOf"] = (c => c.Set(CrdFixture.Spec + ".allOf", CrdFixture.Yamlish("[{type: object}]")), [$"{P}.allOf[0].type: Forbidden: must be empty to be structural"]),
        ["unknown list type"] = (c => c.Set(CrdFixture.Spec + ".properties.tags.x-kubernetes-list-type", "bag"), [$"{P}.properties[tags].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\""]),
        ["nullable map key"] = (c => c.Set(CrdFixture.Spec + ".properties.ports.items.properties.port.nullable", true), [$"{P}.properties[ports].items.properties[port].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable"]),
        ["blank messageExpression"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].messageExpression", " "), [$"{P}.x-kubernetes-validations[0].messageExpression: Required value: messageExpression must be non-empty if specified"]),
        ["messageExpression that is not a string"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0]", CrdFixture.Yamlish("{rule: self.size <= self.limit, messageExpression: self.size}")), [
            $"{P}.x-kubernetes-validations[0].messageExpression: Invalid value: apiextensions.ValidationRule{{Rule:\"self.size <= self.limit\", Message:\"\", MessageExpression:\"self.size\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}}: messageExpression must evaluate to a string"]),
        ["optionalOldSelf without oldSelf"] = (c => c.Set(CrdFixture.Spec + ".x-kubernetes-validations[0].optionalOldSelf", true), [$"{P}.x-kubernetes-validations[0].optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule"]),
        ["scale path outside spec"] = (c => c.Set("spec.versions[0].subresources.scale", CrdFixture.Yamlish("{specReplicasPath: spec.size, statusReplicasPath: .spec.size}")), [
            "spec.subresources.scale.specReplicasPath: Invalid value: \"spec.size\": must be a simple json path starting with .",
            "spec.subresources.scale.statusReplicasPath: Invalid value: \".spec.size\": should be a json path under .status"]),
        ["selectable field on a list"] = (c => c.Set("spec.versions[0].selectableFields", CrdFixture.Yamlish("[{jsonPath: .spec.tags}]")), ["spec.selectableFields[0].jsonPath: Invalid value: \".spec.tags\": must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed."]),
        ["deprecation warning on a current version"] = (c => c.Set("spec.versions[0].deprecationWarning", "old"), ["spec.versions[0].deprecationWarning: Invalid value: \"old\": can only be set for deprecated versions"]),
        ["versions with different schemas"] = (c => c.Set("spec.versions[1]", SecondVersion(c, limitDefault: 0)), [
            "spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[limit].default: Invalid value: 0:  in body should be greater than or equal to 1"]),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void TheFixtureIsValid() => Assert.Empty(CrdValidator.Validate(CrdFixture.Crd(), null));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsRejectedWithTheApiserversErrors(string name)
    {
        var (breakIt, expected) = Cases[name];
        Assert.Equal(expected, CrdValidator.Validate(breakIt(CrdFixture.Crd()), null).Select(e => e.Message));
    }

    [Fact]
    public void ADefaultMayCarryFieldsWhereUnknownFieldsArePreserved()
    {
        var crd = CrdFixture.Crd().Set(CrdFixture.Spec + ".properties.box", CrdFixture.Yamlish("{type: object, x-kubernetes-preserve-unknown-fields: true, default: {w: 1, x: 2}, properties: {w: {type: integer}}}"));
        Assert.Empty(CrdValidator.Validate(crd, null));
    }

    [Fact]
    public void ErrorsComeInTheApiserversOrder()
    {
        var crd = CrdFixture.Crd().Set("metadata.name", "x.test.ebops.io").Set("spec.scope", "Global").Set("spec.names.listKind", "Gadget")
            .Set(CrdFixture.Spec + ".properties.mode.default", "Medium").Set("spec.versions[0].additionalPrinterColumns[0].type", "text");
        Assert.Equal(
            ["metadata.name", "spec.scope", "spec.names.listKind", $"{P}.properties[mode].default", "spec.additionalPrinterColumns[0].type"],
            CrdValidator.Validate(crd, null).Select(e => e.Field));
    }

    [Theory]
    [InlineData("ebops.io_beanstalkapps.yaml", "capacity", $"{P}.properties[capacity].default: Invalid value: \"object\": no such key: min evaluating rule: spec.capacity.min must be less than or equal to spec.capacity.max")]
    [InlineData("ebops.io_bluegreenreleases.yaml", "strategy.blueRetention", $"{P}.properties[strategy].properties[blueRetention].default: Invalid value: \"object\": no such key: minSeconds evaluating rule: spec.strategy.blueRetention.minSeconds must be less than or equal to spec.strategy.blueRetention.maxSeconds")]
    public void AnEmptyObjectDefaultUnderARuleIsRejectedAsTheRealApiserverRejectedIt(string file, string field, string expected)
    {
        var crd = RepoCrd(file);
        var node = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;
        foreach (var part in field.Split('.'))
        {
            node = node["properties"]![part]!;
        }

        node.AsObject()["default"] = new JsonObject();
        Assert.Equal([expected], CrdValidator.Validate(crd, null).Select(e => e.Message));
    }

    [Theory]
    [InlineData("ebops.io_beanstalkapps.yaml")]
    [InlineData("ebops.io_bluegreenreleases.yaml")]
    [InlineData("ebops.io_nlbfrontends.yaml")]
    [InlineData("ebops.io_rdsdatabases.yaml")]
    public void TheGeneratedCrdsAreAccepted(string file) => Assert.Empty(CrdValidator.Validate(RepoCrd(file), null));

    [Fact]
    public void AnUpdateMayNotChangeTheGroupNorDropAStoredVersion()
    {
        var old = CrdFixture.Crd().Set("status", CrdFixture.Yamlish("{storedVersions: [v1]}"));
        var moved = CrdFixture.Crd().Set("spec.group", "other.ebops.io").Set("metadata.name", "gadgets.other.ebops.io");
        Assert.Equal(["spec.group: Invalid value: \"other.ebops.io\": field is immutable"], CrdValidator.Validate(moved, old).Select(e => e.Message));

        var renamed = CrdFixture.Crd().Set("spec.versions[0].name", "v2");
        Assert.Equal(
            ["status.storedVersions[0]: Invalid value: \"v1\": missing from spec.versions; v1 was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in v1 and removes v1 from status.storedVersions"],
            CrdValidator.Validate(renamed, old).Select(e => e.Message));
        Assert.Empty(CrdValidator.Validate(CrdFixture.Crd(), old));
    }

    private static JsonObject SecondVersion(JsonObject crd, int limitDefault)
    {
        var v2 = crd["spec"]!["versions"]![0]!.DeepClone().AsObject();
        v2["name"] = "v2";
        v2["storage"] = false;
        var limit = v2["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["limit"]!.AsObject();
        limit["minimum"] = 1;
        limit["default"] = limitDefault;
        crd["spec"]!["versions"]!.AsArray().Add(null);
        return v2;
    }

    private static JsonObject RepoCrd(string file)
    {
        var crd = YamlDocuments.LoadObject(File.ReadAllText(RepoCrdTests.FindRepoFile("config", "crds", file)));
        CrdSupport.ApplyDefaults(crd);
        return crd;
    }
}
