using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Schema;

/// <summary>
/// A small structural validator (type, required, enum, minimum/maximum, minLength/maxLength, defaults) used until the
/// full CRD schema validator is plugged in. It evaluates no CEL rule and says so through <see cref="UnsupportedRules"/>.
/// </summary>
internal sealed class MinimalSchemaValidator : ICustomResourceValidator
{
    private readonly JsonObject schema;

    public MinimalSchemaValidator(JsonObject schema)
    {
        this.schema = schema;
        var rules = new List<string>();
        CollectRules(schema, "", rules);
        UnsupportedRules = rules;
    }

    public IReadOnlyList<string> UnsupportedRules { get; }

    public void ApplyDefaults(JsonObject obj) => Default(obj, schema);

    public IReadOnlyList<SchemaViolation> Validate(JsonObject obj, JsonObject? oldObj)
    {
        var errors = new List<SchemaViolation>();
        if (schema["properties"] is JsonObject props)
        {
            foreach (var (key, propSchema) in props)
            {
                if (key is "metadata" or "apiVersion" or "kind" || propSchema is not JsonObject ps)
                {
                    continue;
                }
                if (obj.TryGetPropertyValue(key, out var value))
                {
                    Check(value, ps, key, errors);
                }
            }
            Required(obj, schema, "", errors);
        }
        return errors;
    }

    private static void CollectRules(JsonObject s, string path, List<string> rules)
    {
        if (s["x-kubernetes-validations"] is JsonArray validations)
        {
            foreach (var v in validations.OfType<JsonObject>())
            {
                rules.Add($"{(path.Length == 0 ? "<root>" : path)}: {v["rule"]}");
            }
        }
        if (s["properties"] is JsonObject props)
        {
            foreach (var (key, child) in props)
            {
                if (child is JsonObject c)
                {
                    CollectRules(c, path.Length == 0 ? key : $"{path}.{key}", rules);
                }
            }
        }
        if (s["items"] is JsonObject items)
        {
            CollectRules(items, path + "[*]", rules);
        }
        if (s["additionalProperties"] is JsonObject additional)
        {
            CollectRules(additional, path + "[*]", rules);
        }
    }

    private static void Default(JsonObject obj, JsonObject s)
    {
        if (s["properties"] is not JsonObject props)
        {
            return;
        }
        foreach (var (key, child) in props)
        {
            if (child is not JsonObject cs)
            {
                continue;
            }
            if (!obj.ContainsKey(key) && cs["default"] is { } def)
            {
                obj[key] = def.DeepClone();
            }
            if (obj[key] is JsonObject childObj)
            {
                Default(childObj, cs);
            }
            else if (obj[key] is JsonArray arr && cs["items"] is JsonObject items)
            {
                foreach (var item in arr.OfType<JsonObject>())
                {
                    Default(item, items);
                }
            }
        }
    }

    private static void Required(JsonObject obj, JsonObject s, string path, List<SchemaViolation> errors)
    {
        if (s["required"] is not JsonArray required)
        {
            return;
        }
        foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (!obj.ContainsKey(name))
            {
                var field = path.Length == 0 ? name : $"{path}.{name}";
                errors.Add(new SchemaViolation(field, "FieldValueRequired", "Required value"));
            }
        }
    }

    private static void Check(JsonNode? value, JsonObject s, string path, List<SchemaViolation> errors)
    {
        if (value is null)
        {
            if (s["nullable"]?.GetValueKind() != JsonValueKind.True)
            {
                errors.Add(new SchemaViolation(path, "FieldValueInvalid", $"Invalid value: \"null\": {path} in body must be of type {s["type"]}: \"null\""));
            }
            return;
        }
        var type = s["type"]?.GetValue<string>();
        var actual = TypeOf(value);
        if (type is not null && !Matches(type, actual, value))
        {
            errors.Add(new SchemaViolation(path, "FieldValueInvalid", $"Invalid value: \"{actual}\": {path} in body must be of type {type}: \"{actual}\""));
            return;
        }
        if (s["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            var list = string.Join(", ", allowed.Select(a => a?.ToJsonString()));
            errors.Add(new SchemaViolation(path, "FieldValueNotSupported", $"Unsupported value: {value.ToJsonString()}: supported values: {list}"));
        }
        if (actual is "integer" or "number")
        {
            var number = value.GetValue<JsonElement>().GetDouble();
            if (s["minimum"] is { } min && number < min.GetValue<double>())
            {
                errors.Add(new SchemaViolation(path, "FieldValueInvalid",
                    $"Invalid value: {value.ToJsonString()}: {path} in body should be greater than or equal to {min.ToJsonString()}"));
            }
            if (s["maximum"] is { } max && number > max.GetValue<double>())
            {
                errors.Add(new SchemaViolation(path, "FieldValueInvalid",
                    $"Invalid value: {value.ToJsonString()}: {path} in body should be less than or equal to {max.ToJsonString()}"));
            }
        }
        if (actual == "string")
        {
            var text = value.GetValue<string>();
            if (s["minLength"] is { } minLength && text.Length < minLength.GetValue<int>())
            {
                errors.Add(new SchemaViolation(path, "FieldValueInvalid",
                    $"Invalid value: {value.ToJsonString()}: {path} in body should be at least {minLength.GetValue<int>().ToString(CultureInfo.InvariantCulture)} chars long"));
            }
            if (s["maxLength"] is { } maxLength && text.Length > maxLength.GetValue<int>())
            {
                errors.Add(new SchemaViolation(path, "FieldValueTooLong",
                    $"Too long: may not be more than {maxLength.GetValue<int>().ToString(CultureInfo.InvariantCulture)} bytes"));
            }
        }
        if (value is JsonObject o)
        {
            if (s["properties"] is JsonObject props)
            {
                foreach (var (key, child) in o)
                {
                    if (props[key] is JsonObject cs)
                    {
                        Check(child, cs, $"{path}.{key}", errors);
                    }
                }
            }
            else if (s["additionalProperties"] is JsonObject additional)
            {
                foreach (var (key, child) in o)
                {
                    Check(child, additional, $"{path}[{key}]", errors);
                }
            }
            Required(o, s, path, errors);
        }
        else if (value is JsonArray a && s["items"] is JsonObject items)
        {
            for (var i = 0; i < a.Count; i++)
            {
                Check(a[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private static bool Matches(string type, string actual, JsonNode value) => type switch
    {
        "number" => actual is "number" or "integer",
        "integer" => actual == "integer",
        _ => type == actual,
    };

    private static string TypeOf(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.GetValue<JsonElement>().TryGetInt64(out _) ? "integer" : "number",
        _ => "null",
    };
}
