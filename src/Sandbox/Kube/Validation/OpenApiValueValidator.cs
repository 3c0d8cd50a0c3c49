using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// The OpenAPI v3 value checks kube-apiserver runs on a custom resource (kube-openapi's validate package, mapped to
/// field errors by apiextensions' <c>ValidateCustomResource</c>), in its order and words: per node the type, then
/// string (the first of maxLength, minLength, pattern), format, number, array (items first, then minItems,
/// maxItems), enum, object (min/maxProperties end the object's checks, then map entries, properties, required).
/// kube-openapi names a node by its path with dots, map entries included (<c>spec.env.KEY</c>) and list items
/// indexed (<c>spec.tags[1]</c>); the field error's path is that name under the base path given.
/// </summary>
internal sealed partial class OpenApiValueValidator
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private readonly string basePath;
    private readonly bool isResourceRoot;
    private readonly List<FieldError> errors = [];

    private OpenApiValueValidator(string basePath, bool isResourceRoot)
    {
        this.basePath = basePath;
        this.isResourceRoot = isResourceRoot;
    }

    /// <summary>Validates <paramref name="value"/> against <paramref name="schema"/>; metadata of a resource root is skipped.</summary>
    public static List<FieldError> Validate(JsonObject schema, JsonNode? value, string basePath, bool isResourceRoot)
    {
        var validator = new OpenApiValueValidator(basePath, isResourceRoot);
        validator.Node(schema, value, "", isRoot: true);
        return validator.errors;
    }

    // name: kube-openapi's message subject, the node's path with dots.
    private void Node(JsonObject schema, JsonNode? value, string name, bool isRoot = false)
    {
        var field = name.Length == 0 ? basePath : basePath.Length == 0 ? name : basePath + "." + name;
        // The type check does not stop the others: kube-openapi runs every validator that applies to the value's kind.
        CheckType(schema, value, name, field);
        if (value is null)
        {
            CheckEnum(schema, value, field);
            return;
        }

        switch (value)
        {
            case JsonValue s when s.GetValueKind() == JsonValueKind.String:
                CheckString(schema, s.GetValue<string>(), name, field);
                break;
            case JsonValue n when n.GetValueKind() == JsonValueKind.Number:
                CheckNumber(schema, n, name, field);
                break;
            case JsonArray array:
                CheckArray(schema, array, name, field);
                break;
        }

        CheckEnum(schema, value, field);
        if (value is JsonObject obj)
        {
            CheckObject(schema, obj, name, field, isRoot && isResourceRoot);
        }
    }

    /// <summary>
    /// kube-openapi's type validator. A non-string value under a <c>format</c> its own type does not match is reported
    /// against the format (<c>must be of type int32: "double"</c>), as kube-openapi does.
    /// </summary>
    private void CheckType(JsonObject schema, JsonNode? value, string name, string field)
    {
        var type = SchemaJson.Str(schema["type"]);
        var format = SchemaJson.Str(schema["format"]);
        if (SchemaJson.Flag(schema, "x-kubernetes-int-or-string"))
        {
            var actualType = SchemaJson.JsonType(value);
            if (actualType is "string" or "integer")
            {
                return;
            }

            errors.Add(TypeError(field, name, "integer,string", actualType));
            return;
        }

        if (value is null)
        {
            if (type is { Length: > 0 } && !SchemaJson.Flag(schema, "nullable"))
            {
                errors.Add(TypeError(field, name, type, "null"));
            }

            return;
        }

        var actual = SchemaJson.JsonType(value);
        var dataFormat = actual == "integer" ? "int64" : actual == "number" ? "double" : "";
        var floatInt = actual == "number" && IsWhole(value) && type == "integer";
        var intFloat = actual == "integer" && type == "number";
        if (actual is not ("string" or "array") && format is { Length: > 0 } && !(type == actual || dataFormat == format || floatInt || intFloat))
        {
            errors.Add(TypeError(field, name, format, dataFormat));
            return;
        }

        if (type is { Length: > 0 } && type != actual && !floatInt && !intFloat)
        {
            errors.Add(TypeError(field, name, type, actual));
        }
    }

    private void CheckString(JsonObject schema, string value, string name, string field)
    {
        var length = value.EnumerateRunes().Count();
        if (schema["maxLength"] is JsonValue max && length > SchemaJson.LongOf(max))
        {
            errors.Add(FieldError.TooLong(field, SchemaJson.LongOf(max)));
        }
        else if (schema["minLength"] is JsonValue min && length < SchemaJson.LongOf(min))
        {
            errors.Add(FieldError.Invalid(field, GoFormat.Quote(value), $"{name} in body should be at least {SchemaJson.LongOf(min)} chars long"));
        }
        else if (SchemaJson.Str(schema["pattern"]) is { } pattern && !Pattern(pattern).IsMatch(value))
        {
            errors.Add(FieldError.Invalid(field, GoFormat.Quote(value), $"{name} in body should match '{pattern}'"));
        }

        // kube-apiserver checks the formats it knows; date-time is the one these CRDs use (RFC 3339).
        if (SchemaJson.Str(schema["format"]) == "date-time" && !DateTimePattern().IsMatch(value))
        {
            errors.Add(FieldError.TypeInvalid(field, GoFormat.Quote(value), $"{name} in body must be of type date-time: {GoFormat.Quote(value)}"));
        }
    }

    private void CheckNumber(JsonObject schema, JsonValue value, string name, string field)
    {
        var number = SchemaJson.NumberOf(value);
        var shown = GoFormat.Number(value);
        if (schema["multipleOf"] is JsonValue factor && SchemaJson.NumberOf(factor) is > 0 and var f && Math.Abs(Math.IEEERemainder(number, f)) > 1e-9)
        {
            errors.Add(FieldError.Invalid(field, shown, $"{name} in body should be a multiple of {GoFormat.Number(factor)}"));
        }

        if (schema["minimum"] is JsonValue min && (SchemaJson.Flag(schema, "exclusiveMinimum") ? number <= SchemaJson.NumberOf(min) : number < SchemaJson.NumberOf(min)))
        {
            var words = SchemaJson.Flag(schema, "exclusiveMinimum") ? "greater than" : "greater than or equal to";
            errors.Add(FieldError.Invalid(field, shown, $"{name} in body should be {words} {GoFormat.Number(min)}"));
        }

        if (schema["maximum"] is JsonValue max && (SchemaJson.Flag(schema, "exclusiveMaximum") ? number >= SchemaJson.NumberOf(max) : number > SchemaJson.NumberOf(max)))
        {
            var words = SchemaJson.Flag(schema, "exclusiveMaximum") ? "less than" : "less than or equal to";
            errors.Add(FieldError.Invalid(field, shown, $"{name} in body should be {words} {GoFormat.Number(max)}"));
        }
    }

    private void CheckArray(JsonObject schema, JsonArray array, string name, string field)
    {
        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Node(items, array[i], name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }

        if (schema["minItems"] is JsonValue min && array.Count < SchemaJson.LongOf(min))
        {
            errors.Add(FieldError.Invalid(field, array.Count.ToString(CultureInfo.InvariantCulture), $"{name} in body should have at least {SchemaJson.LongOf(min)} items"));
        }

        if (schema["maxItems"] is JsonValue max && array.Count > SchemaJson.LongOf(max))
        {
            errors.Add(FieldError.TooMany(field, array.Count, SchemaJson.LongOf(max)));
        }
    }

    private void CheckEnum(JsonObject schema, JsonNode? value, string field)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            // Non-string enum values are listed as their JSON text.
            var supported = allowed.Select(a => SchemaJson.Str(a) ?? a?.ToJsonString() ?? "null");
            errors.Add(FieldError.NotSupported(field, GoFormat.Value(value), supported));
        }
    }

    private void CheckObject(JsonObject schema, JsonObject obj, string name, string field, bool skipMetadata)
    {
        if (schema["minProperties"] is JsonValue minProps && obj.Count < SchemaJson.LongOf(minProps))
        {
            errors.Add(FieldError.Invalid(field, obj.Count.ToString(CultureInfo.InvariantCulture), $"{name} in body should have at least {SchemaJson.LongOf(minProps)} properties"));
            return;
        }

        if (schema["maxProperties"] is JsonValue maxProps && obj.Count > SchemaJson.LongOf(maxProps))
        {
            errors.Add(FieldError.TooMany(field, obj.Count, SchemaJson.LongOf(maxProps)));
            return;
        }

        var properties = SchemaJson.Properties(schema);
        if (schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (key, child) in obj)
            {
                if (properties?.ContainsKey(key) != true)
                {
                    Node(additional, child, name.Length == 0 ? key : name + "." + key);
                }
            }
        }

        foreach (var (key, childSchema) in properties ?? [])
        {
            if ((skipMetadata && key == "metadata") || childSchema is not JsonObject cs || !obj.TryGetPropertyValue(key, out var child))
            {
                continue;
            }

            if (child is null && !SchemaJson.Flag(cs, "nullable"))
            {
                continue; // the apiserver prunes nulls of non-nullable fields before validating
            }

            Node(cs, child, name.Length == 0 ? key : name + "." + key);
        }

        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var key = SchemaJson.Str(required) ?? "";
            if (!obj.TryGetPropertyValue(key, out var present) || present is null)
            {
                var requiredName = name.Length == 0 ? key : name + "." + key;
                errors.Add(FieldError.Required(basePath.Length == 0 ? requiredName : basePath + "." + requiredName));
            }
        }
    }

    private static FieldError TypeError(string field, string name, string expected, string actual) =>
        FieldError.TypeInvalid(field, GoFormat.Quote(actual), $"{name} in body must be of type {expected}: {GoFormat.Quote(actual)}");

    private static bool IsWhole(JsonNode value) => SchemaJson.NumberOf(value) is var d && d == Math.Floor(d) && !double.IsInfinity(d);

    private static Regex Pattern(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex DateTimePattern();
}
