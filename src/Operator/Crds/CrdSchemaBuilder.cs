using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Crds;

/// <summary>
/// Turns a C# type into a structural OpenAPI v3 schema a kube-apiserver accepts: System.Text.Json's
/// <see cref="JsonSchemaExporter"/> gives the shape; the transform below fixes what it gets wrong for Kubernetes
/// (type arrays for nullables, enums without a type, ignored DataAnnotations, required lists from constructors,
/// no formats, no defaults) and adds CEL rules and list markers from our own attributes.
/// </summary>
internal static class CrdSchemaBuilder
{
    // Mirrors KubernetesJson (camelCase, string enums); not the Web defaults, whose number handling turns every
    // integer into ["string","integer"] with a pattern.
    private static readonly JsonSerializerOptions SchemaOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonObject Build(Type type)
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var node = SchemaOptions.GetJsonSchemaAsNode(type, exporterOptions);
        var schema = node as JsonObject ?? throw new InvalidOperationException($"{type.Name}: the schema is not an object.");
        AssertStructural(schema, type.Name);
        return schema;
    }

    private static JsonNode Transform(JsonSchemaExporterContext ctx, JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            // `true` (object/JsonElement): only free-form data may keep unknown fields.
            return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        schema.Remove("$schema");
        NormalizeType(schema);

        var clrType = Nullable.GetUnderlyingType(ctx.TypeInfo.Type) ?? ctx.TypeInfo.Type;
        var provider = ctx.PropertyInfo?.AttributeProvider;

        AddFormat(schema, clrType);
        if (ctx.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            SetRequired(schema, ctx.TypeInfo);
        }

        var description = Attr<DescriptionAttribute>(provider)?.Description ?? clrType.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (!string.IsNullOrEmpty(description))
        {
            schema["description"] = description;
        }

        if (clrType.IsDefined(typeof(AtomicStructAttribute)) && (string?)schema["type"] == "object")
        {
            schema["x-kubernetes-map-type"] = "atomic";
        }

        var rules = new List<CelRuleAttribute>(clrType.GetCustomAttributes<CelRuleAttribute>());
        if (provider is not null)
        {
            AddValidation(schema, provider);
            rules.AddRange(provider.GetCustomAttributes(typeof(CelRuleAttribute), inherit: false).Cast<CelRuleAttribute>());
        }

        if (rules.Count > 0)
        {
            var list = new JsonArray();
            foreach (var rule in rules)
            {
                var entry = new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message };
                if (rule.FieldPath is not null)
                {
                    entry["fieldPath"] = rule.FieldPath;
                }

                list.Add(entry);
            }

            schema["x-kubernetes-validations"] = list;
        }

        return schema;
    }

    private static void NormalizeType(JsonObject schema)
    {
        // Optional fields are simply absent; the apiserver prunes nulls of non-nullable fields, so no `nullable`.
        if (schema["type"] is JsonArray types)
        {
            var nonNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            if (nonNull.Count != 1)
            {
                throw new InvalidOperationException($"Unsupported union type [{string.Join(",", nonNull)}].");
            }

            schema["type"] = nonNull[0];
        }

        if (schema["enum"] is JsonArray values)
        {
            var kept = new JsonArray();
            foreach (var v in values)
            {
                if (v is not null)
                {
                    kept.Add(v.DeepClone());
                }
            }

            schema["enum"] = kept;
            schema["type"] ??= "string";

            // The apiserver estimates CEL cost from maxLength; without it an enum counts as a 3 MiB string.
            if ((string?)schema["type"] == "string")
            {
                schema["maxLength"] ??= kept.Max(v => ((string?)v)?.Length ?? 0);
            }
        }
    }

    private static void AddFormat(JsonObject schema, Type clrType)
    {
        if ((string?)schema["type"] != "integer")
        {
            return;
        }

        if (clrType == typeof(int) || clrType == typeof(short) || clrType == typeof(byte))
        {
            schema["format"] = "int32";
        }
        else if (clrType == typeof(long))
        {
            schema["format"] = "int64";
        }
    }

    private static void SetRequired(JsonObject schema, JsonTypeInfo typeInfo)
    {
        // The exporter lists C# required members and every constructor parameter; [Required] is the only source.
        schema.Remove("required");
        var required = new JsonArray();
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: false) == true)
            {
                required.Add(property.Name);
            }
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }
    }

    private static void AddValidation(JsonObject schema, ICustomAttributeProvider provider)
    {
        var type = (string?)schema["type"];
        var (minKey, maxKey) = type switch
        {
            "array" => ("minItems", "maxItems"),
            "object" => ("minProperties", "maxProperties"),
            _ => ("minLength", "maxLength"),
        };

        if (Attr<MinLengthAttribute>(provider) is { } min)
        {
            schema[minKey] = min.Length;
        }

        if (Attr<MaxLengthAttribute>(provider) is { } max)
        {
            schema[maxKey] = max.Length;
        }

        if (Attr<StringLengthAttribute>(provider) is { } length)
        {
            schema["maxLength"] = length.MaximumLength;
            if (length.MinimumLength > 0)
            {
                schema["minLength"] = length.MinimumLength;
            }
        }

        if (Attr<RangeAttribute>(provider) is { } range)
        {
            schema["minimum"] = JsonValue.Create(Convert.ToInt64(range.Minimum, System.Globalization.CultureInfo.InvariantCulture));
            schema["maximum"] = JsonValue.Create(Convert.ToInt64(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Attr<RegularExpressionAttribute>(provider) is { } regex)
        {
            schema["pattern"] = regex.Pattern;
        }

        if (Attr<DefaultAttribute>(provider) is { } defaultValue)
        {
            schema["default"] = defaultValue.Value.DeepClone();
        }
        else if (Attr<DefaultObjectAttribute>(provider) is not null)
        {
            schema["default"] = SpelledOutDefault(schema);
        }

        AddItemsAndListMarkers(schema, provider);
    }

    private static void AddItemsAndListMarkers(JsonObject schema, ICustomAttributeProvider provider)
    {
        if (Attr<ItemsAttribute>(provider) is { } items && (schema["items"] ?? schema["additionalProperties"]) is JsonObject itemSchema)
        {
            if (items.MaxLength > 0)
            {
                itemSchema["maxLength"] = items.MaxLength;
            }

            if (items.Pattern is not null)
            {
                itemSchema["pattern"] = items.Pattern;
            }
        }

        if (Attr<ListMapKeysAttribute>(provider) is { } mapKeys)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = new JsonArray(mapKeys.Keys.Select(k => (JsonNode)JsonValue.Create(k)).ToArray());
        }
        else if (Attr<ListSetAttribute>(provider) is not null)
        {
            schema["x-kubernetes-list-type"] = "set";
        }
    }

    /// <summary>
    /// The default of an object property, written out with its fields' defaults: exactly what structural defaulting
    /// makes of <c>{}</c>, so what users get is unchanged. kube-apiserver validates a default as written, against the
    /// schema and the CEL rules, without applying nested defaults first, so <c>default: {}</c> on an object whose rule
    /// reads <c>self.min</c> fails with "no such key". Spelling it out (rather than guarding every rule with has())
    /// keeps the rules as simple as the invariant they state, lets the apiserver check the default against them, and
    /// shows the effective default in <c>kubectl explain</c>. Children are transformed first, so their own object
    /// defaults are already spelled out.
    /// </summary>
    private static JsonObject SpelledOutDefault(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            if (child?["default"] is { } value)
            {
                result[name] = value.DeepClone();
            }
        }

        return result;
    }

    private static T? Attr<T>(ICustomAttributeProvider? provider) where T : Attribute =>
        provider?.GetCustomAttributes(typeof(T), inherit: false).OfType<T>().FirstOrDefault();

    /// <summary>Fails generation (not the apiserver, later) when a node has no type or uses $ref.</summary>
    private static void AssertStructural(JsonObject schema, string path)
    {
        if (schema.ContainsKey("$ref"))
        {
            throw new InvalidOperationException($"{path}: $ref is not allowed in a CRD schema (recursive type?).");
        }

        if (schema["type"] is null)
        {
            throw new InvalidOperationException($"{path}: every node of a structural schema needs a type.");
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                AssertStructural((JsonObject)child!, path + "." + name);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            AssertStructural(items, path + "[]");
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            AssertStructural(additional, path + "{}");
        }
    }
}
