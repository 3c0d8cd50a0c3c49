using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Kube.Validation.Cel;
using Json.Schema;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// Validates custom resources against a CRD's <c>openAPIV3Schema</c> the way kube-apiserver does: null pruning and
/// structural defaulting, OpenAPI v3 validation (types, required, enum, lengths, ranges, patterns, list-type
/// set/map uniqueness), then the <c>x-kubernetes-validations</c> CEL rules (skipped when a type error makes the
/// object unfit, as the apiserver does; transition rules only on update and only where the old object has a value).
/// Field paths, StatusCause types and message shapes follow the apiserver, so a 422 from the emulator reads like one
/// from a real cluster.
/// </summary>
/// <remarks>
/// A direct walker rather than a generic JSON Schema engine: the apiserver's field paths (<c>spec.a[0].b</c>),
/// cause types and messages, and the correlation of old and new values for transition rules, all hang off the
/// walk; a generic engine's output would have to be mapped back to them.
/// </remarks>
public sealed partial class CrdSchemaValidator
{
    private const string NotCheckedMessage = "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private readonly JsonObject _schema;
    private readonly Lazy<JsonSchema> _jsonSchema;
    private readonly Dictionary<JsonObject, List<CompiledRule>> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _unsupported = [];

    /// <param name="openApiV3Schema">A CRD version's <c>schema.openAPIV3Schema</c>.</param>
    public CrdSchemaValidator(JsonNode openApiV3Schema)
    {
        _schema = openApiV3Schema.DeepClone().AsObject();
        CompileRules(_schema, "");
        _jsonSchema = new(() => JsonSchema.FromText(
            OpenApiSchemaConverter.ToJsonSchema(_schema).ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
    }

    /// <summary>CEL rules this validator cannot evaluate (syntax or functions outside its subset), as "&lt;path&gt;: &lt;rule&gt;".</summary>
    public IReadOnlyList<string> UnsupportedRules => _unsupported;

    /// <summary>The validator for one version of a CustomResourceDefinition object.</summary>
    public static CrdSchemaValidator ForVersion(JsonObject crd, string version)
    {
        foreach (var v in crd["spec"]?["versions"]?.AsArray() ?? [])
        {
            if ((string?)v?["name"] == version)
            {
                return new CrdSchemaValidator(v!["schema"]?["openAPIV3Schema"] ?? throw new ArgumentException($"version {version} has no schema"));
            }
        }

        throw new ArgumentException($"The CRD has no version {version}.", nameof(version));
    }

    /// <summary>
    /// Drops nulls of non-nullable fields and fills in schema defaults, top-down, so that a defaulted object gets its
    /// own fields' defaults (what the apiserver does on create, update and read).
    /// </summary>
    public void ApplyDefaults(JsonObject obj) => Default(_schema, obj);

    /// <summary>Validates <paramref name="obj"/>; <paramref name="oldObj"/> is the stored object on update, null on create.</summary>
    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? oldObj)
    {
        var errors = new List<FieldError>();
        CheckNode(_schema, obj, "", errors, isRoot: true);
        if (errors.Any(e => e.Reason == FieldErrorReasons.TypeInvalid))
        {
            errors.Add(new FieldError("", FieldErrorReasons.Invalid, "<nil>: Invalid value: \"null\": " + NotCheckedMessage));
            return errors;
        }

        EvaluateRules(_schema, obj, oldObj, "", errors);
        return errors;
    }

    /// <summary>
    /// An independent second opinion on the structural part (no defaults, no CEL, no list-map keys): the schema
    /// converted by <see cref="OpenApiSchemaConverter"/> and evaluated by JsonSchema.Net. Returns
    /// "&lt;JSON pointer&gt;: &lt;keyword&gt;: &lt;message&gt;" per failure; empty when valid.
    /// </summary>
    public IReadOnlyList<string> EvaluateJsonSchema(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        using var document = JsonDocument.Parse(copy.ToJsonString());
        var results = _jsonSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
    }

    /// <summary>Paths of fields the schema does not know (the apiserver prunes them, or rejects them with fieldValidation=Strict).</summary>
    public IReadOnlyList<string> FindUnknownFields(JsonObject obj)
    {
        var found = new List<string>();
        Unknown(_schema, obj, "", found, prune: false, isRoot: true);
        return found;
    }

    /// <summary>Removes the fields <see cref="FindUnknownFields"/> reports and returns their paths.</summary>
    public IReadOnlyList<string> PruneUnknownFields(JsonObject obj)
    {
        var found = new List<string>();
        Unknown(_schema, obj, "", found, prune: true, isRoot: true);
        return found;
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Key(string path, string key) => path + "[" + key + "]";

    private static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    // Numbers may be element-backed (parsed JSON) or primitive-backed (built in code) and of any CLR numeric type;
    // their JSON text is the one representation every JsonValue has.
    private static double NumberOf(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int IntOf(JsonNode node) => (int)Math.Min(int.MaxValue, NumberOf(node));

    private static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    // ---- rules -------------------------------------------------------------------------------------------------

    private void CompileRules(JsonObject schema, string path)
    {
        if (schema["x-kubernetes-validations"] is JsonArray rules)
        {
            var compiled = new List<CompiledRule>();
            foreach (var rule in rules.OfType<JsonObject>())
            {
                var source = (string?)rule["rule"] ?? "";
                try
                {
                    compiled.Add(new CompiledRule(CelProgram.Compile(source), (string?)rule["message"], (string?)rule["fieldPath"]));
                }
                catch (CelException)
                {
                    _unsupported.Add($"{(path.Length == 0 ? "<root>" : path)}: {source}");
                }
            }

            _rules[schema] = compiled;
        }

        if (Properties(schema) is { } properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject c)
                {
                    CompileRules(c, Child(path, name));
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            CompileRules(items, path + "[*]");
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            CompileRules(additional, path + "[*]");
        }
    }

    private void EvaluateRules(JsonObject schema, JsonNode? value, JsonNode? oldValue, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            return;
        }

        if (_rules.TryGetValue(schema, out var rules) && rules.Count > 0)
        {
            var self = CelValues.FromJson(value);
            object? oldSelf = null;
            var hasOld = oldValue is not null;
            if (hasOld)
            {
                oldSelf = CelValues.FromJson(oldValue);
            }

            var type = (string?)schema["type"] ?? "object";
            foreach (var rule in rules)
            {
                if (rule.Program.IsTransitionRule && !hasOld)
                {
                    continue;
                }

                var field = rule.FieldPath is null ? path : AppendFieldPath(path, rule.FieldPath);
                try
                {
                    var result = rule.Program.Evaluate(self, oldSelf);
                    if (result is not bool ok)
                    {
                        errors.Add(Invalid(field, Quote(type), $"rule did not evaluate to a bool: {rule.Program.Source}"));
                    }
                    else if (!ok)
                    {
                        errors.Add(Invalid(field, Quote(type), string.IsNullOrEmpty(rule.Message) ? "failed rule: " + rule.Program.Source : rule.Message));
                    }
                }
                catch (CelException e)
                {
                    errors.Add(Invalid(field, Quote(type), $"{e.Message} evaluating rule: {rule.Program.Source}"));
                }
                catch (OverflowException)
                {
                    errors.Add(Invalid(field, Quote(type), $"integer overflow evaluating rule: {rule.Program.Source}"));
                }
            }
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = Properties(schema);
                var additional = schema["additionalProperties"] as JsonObject;
                var oldObj = oldValue as JsonObject;
                foreach (var (name, child) in obj)
                {
                    if (properties?[name] is JsonObject childSchema)
                    {
                        EvaluateRules(childSchema, child, oldObj?[name], Child(path, name), errors);
                    }
                    else if (additional is not null)
                    {
                        EvaluateRules(additional, child, oldObj?[name], Key(path, name), errors);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                var oldArray = oldValue as JsonArray;
                var mapKeys = (string?)schema["x-kubernetes-list-type"] == "map"
                    ? schema["x-kubernetes-list-map-keys"]?.AsArray().Select(k => (string)k!).ToList()
                    : null;
                for (var i = 0; i < array.Count; i++)
                {
                    // Only items of a list-type map correlate with an old item (by key); others have no oldSelf.
                    JsonNode? oldItem = null;
                    if (mapKeys is not null && oldArray is not null && array[i] is JsonObject item)
                    {
                        oldItem = oldArray.OfType<JsonObject>().FirstOrDefault(o => mapKeys.All(k => JsonNode.DeepEquals(o[k], item[k])));
                    }

                    EvaluateRules(items, array[i], oldItem, Item(path, i), errors);
                }

                break;
        }
    }

    private static string AppendFieldPath(string path, string fieldPath)
    {
        var result = path;
        foreach (var part in fieldPath.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            result = Child(result, part);
        }

        return result;
    }

    // ---- structural validation ---------------------------------------------------------------------------------

    private static void CheckNode(JsonObject schema, JsonNode? value, string path, List<FieldError> errors, bool isRoot = false)
    {
        var type = (string?)schema["type"];
        var actual = JsonType(value);
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (actual is not ("string" or "integer"))
            {
                errors.Add(TypeError(path, actual, "integer or string"));
                return;
            }
        }
        else if (value is null)
        {
            if (!Flag(schema, "nullable"))
            {
                errors.Add(TypeError(path, "null", type ?? "object"));
            }

            return;
        }
        else if (type is not null && actual != type && !(type == "number" && actual == "integer"))
        {
            errors.Add(TypeError(path, actual, type));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var supported = string.Join(", ", allowed.Select(FormatValue));
            errors.Add(new FieldError(path, FieldErrorReasons.NotSupported, $"{path}: Unsupported value: {FormatValue(value)}: supported values: {supported}"));
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(schema, obj, path, errors, isRoot);
                break;
            case JsonArray array:
                CheckArray(schema, array, path, errors);
                break;
            case JsonValue scalar when actual == "string":
                CheckString(schema, scalar.GetValue<string>(), path, errors);
                break;
            case JsonValue scalar when actual is "integer" or "number":
                CheckNumber(schema, scalar, path, errors);
                break;
        }
    }

    private static void CheckObject(JsonObject schema, JsonObject obj, string path, List<FieldError> errors, bool isRoot)
    {
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = (string)required!;
            if (!obj.TryGetPropertyValue(name, out var present) || present is null)
            {
                var field = Child(path, name);
                errors.Add(new FieldError(field, FieldErrorReasons.Required, $"{field}: Required value"));
            }
        }

        if (schema["maxProperties"] is JsonValue maxProps && obj.Count > IntOf(maxProps))
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooMany, $"{path}: Too many: {obj.Count}: must have at most {IntOf(maxProps)} items"));
        }

        if (schema["minProperties"] is JsonValue minProps && obj.Count < IntOf(minProps))
        {
            errors.Add(Invalid(path, obj.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {IntOf(minProps)} properties"));
        }

        var properties = Properties(schema);
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (isRoot && name == "metadata")
            {
                // ObjectMeta is validated by the apiserver's own code, not the CRD schema.
                continue;
            }

            if (properties?[name] is JsonObject childSchema)
            {
                if (child is null && !Flag(childSchema, "nullable"))
                {
                    continue; // pruned by the apiserver before validation
                }

                CheckNode(childSchema, child, Child(path, name), errors);
            }
            else if (additional is not null)
            {
                CheckNode(additional, child, Key(path, name), errors);
            }
        }
    }

    private static void CheckArray(JsonObject schema, JsonArray array, string path, List<FieldError> errors)
    {
        if (schema["maxItems"] is JsonValue maxItems && array.Count > IntOf(maxItems))
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooMany, $"{path}: Too many: {array.Count}: must have at most {IntOf(maxItems)} items"));
        }

        if (schema["minItems"] is JsonValue minItems && array.Count < IntOf(minItems))
        {
            errors.Add(Invalid(path, array.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {IntOf(minItems)} items"));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                CheckNode(items, array[i], Item(path, i), errors);
            }
        }

        switch ((string?)schema["x-kubernetes-list-type"])
        {
            case "set":
                for (var i = 0; i < array.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (JsonNode.DeepEquals(array[i], array[j]))
                        {
                            var field = Item(path, i);
                            errors.Add(new FieldError(field, FieldErrorReasons.Duplicate, $"{field}: Duplicate value: {FormatValue(array[i])}"));
                            break;
                        }
                    }
                }

                break;
            case "map":
                var keys = schema["x-kubernetes-list-map-keys"]?.AsArray().Select(k => (string)k!).ToList() ?? [];
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject item)
                    {
                        continue;
                    }

                    for (var j = 0; j < i; j++)
                    {
                        if (array[j] is JsonObject other && keys.All(k => JsonNode.DeepEquals(item[k], other[k])))
                        {
                            var field = Item(path, i);
                            var key = new JsonObject(keys.Select(k => new KeyValuePair<string, JsonNode?>(k, item[k]?.DeepClone())));
                            errors.Add(new FieldError(field, FieldErrorReasons.Duplicate, $"{field}: Duplicate value: {key.ToJsonString(QuoteOptions)}"));
                            break;
                        }
                    }
                }

                break;
        }
    }

    private static void CheckString(JsonObject schema, string value, string path, List<FieldError> errors)
    {
        var length = value.EnumerateRunes().Count();
        if (schema["maxLength"] is JsonValue max && length > IntOf(max))
        {
            errors.Add(new FieldError(path, FieldErrorReasons.TooLong, $"{path}: Too long: may not be longer than {IntOf(max)}"));
        }

        if (schema["minLength"] is JsonValue min && length < IntOf(min))
        {
            errors.Add(Invalid(path, Quote(value), $"{path} in body should be at least {IntOf(min)} chars long"));
        }

        // kube-apiserver checks the formats it knows; date-time is the one CRDs here use (RFC 3339).
        if ((string?)schema["format"] == "date-time" && !DateTimePattern().IsMatch(value))
        {
            errors.Add(Invalid(path, Quote(value), $"{path} in body must be of type date-time: {Quote(value)}"));
        }

        if (schema["pattern"] is JsonValue pattern)
        {
            var p = pattern.GetValue<string>();
            var regex = Patterns.GetOrAdd(p, s => new Regex(s, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(value))
            {
                errors.Add(Invalid(path, Quote(value), $"{path} in body should match '{p}'"));
            }
        }
    }

    private static void CheckNumber(JsonObject schema, JsonValue value, string path, List<FieldError> errors)
    {
        var number = NumberOf(value);
        var shown = value.ToJsonString();
        if (schema["minimum"] is JsonValue min && number < NumberOf(min))
        {
            errors.Add(Invalid(path, shown, $"{path} in body should be greater than or equal to {min.ToJsonString()}"));
        }

        if (schema["maximum"] is JsonValue max && number > NumberOf(max))
        {
            errors.Add(Invalid(path, shown, $"{path} in body should be less than or equal to {max.ToJsonString()}"));
        }
    }

    private static string JsonType(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => NumberOf(v) is var d && d == Math.Floor(d) && !v.ToJsonString().Contains('.', StringComparison.Ordinal) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    private static FieldError TypeError(string path, string actual, string expected) =>
        new(path, FieldErrorReasons.TypeInvalid, $"{path}: Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"");

    private static FieldError Invalid(string path, string shownValue, string detail) =>
        new(path, FieldErrorReasons.Invalid, $"{path}: Invalid value: {shownValue}: {detail}");

    private static string Quote(string s) => JsonSerializer.Serialize(s, QuoteOptions);

    private static string FormatValue(JsonNode? node) => node is null ? "null" : node.ToJsonString(QuoteOptions);

    // ---- defaulting and pruning --------------------------------------------------------------------------------

    private static void Default(JsonObject schema, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = Properties(schema);
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var (name, child) in obj.ToList())
                {
                    var childSchema = properties?[name] as JsonObject ?? additional;
                    if (child is null && childSchema is not null && !Flag(childSchema, "nullable"))
                    {
                        obj.Remove(name);
                    }
                }

                if (properties is not null)
                {
                    foreach (var (name, childSchema) in properties)
                    {
                        if (!obj.ContainsKey(name) && childSchema?["default"] is { } defaultValue)
                        {
                            obj[name] = defaultValue.DeepClone();
                        }
                    }
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if ((properties?[name] as JsonObject ?? additional) is { } childSchema)
                    {
                        Default(childSchema, child);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    Default(items, item);
                }

                break;
        }
    }

    private static void Unknown(JsonObject schema, JsonNode? node, string path, List<string> found, bool prune, bool isRoot = false)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Flag(schema, "x-kubernetes-preserve-unknown-fields") && Properties(schema) is null)
                {
                    return;
                }

                var properties = Properties(schema);
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var (name, child) in obj.ToList())
                {
                    if (isRoot && name == "metadata")
                    {
                        continue;
                    }

                    if (properties?[name] is JsonObject childSchema)
                    {
                        Unknown(childSchema, child, Child(path, name), found, prune);
                    }
                    else if (additional is not null)
                    {
                        Unknown(additional, child, Key(path, name), found, prune);
                    }
                    else if (!Flag(schema, "x-kubernetes-preserve-unknown-fields") && !(isRoot && name is "apiVersion" or "kind"))
                    {
                        found.Add(Child(path, name));
                        if (prune)
                        {
                            obj.Remove(name);
                        }
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Unknown(items, array[i], Item(path, i), found, prune);
                }

                break;
        }
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex DateTimePattern();

    private sealed record CompiledRule(CelProgram Program, string? Message, string? FieldPath);
}
