using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// The <c>x-kubernetes-validations</c> rules of a schema, compiled once and evaluated the way apiextensions' CEL
/// validator does: rules run on non-null values only, transition rules (those using <c>oldSelf</c>) only where an old
/// value correlates (object properties; list items of <c>x-kubernetes-list-type: map</c> lists, by key), each failure an
/// error at the rule's node (or its <c>fieldPath</c>) with the schema type as the value. Paths are <c>field.Path</c>s.
/// </summary>
internal sealed class CelRuleSet
{
    private readonly Dictionary<JsonObject, List<CompiledRule>> rules = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> unsupported = [];

    public CelRuleSet(JsonObject schema) => Compile(schema, "");

    /// <summary>Rules this emulator cannot evaluate, as "&lt;path&gt;: &lt;rule&gt;" (they are skipped).</summary>
    public IReadOnlyList<string> Unsupported => unsupported;

    /// <summary>Evaluates every rule under <paramref name="schema"/> (a node of the compiled schema) on <paramref name="value"/>.</summary>
    public List<FieldError> Evaluate(JsonObject schema, JsonNode? value, JsonNode? oldValue, string path)
    {
        var errors = new List<FieldError>();
        Node(schema, value, oldValue, path, errors);
        return errors;
    }

    private void Compile(JsonObject schema, string path)
    {
        if (schema["x-kubernetes-validations"] is JsonArray list)
        {
            var compiled = new List<CompiledRule>();
            foreach (var rule in list.OfType<JsonObject>())
            {
                compiled.Add(CompileRule(schema, rule, path));
            }

            rules[schema] = compiled;
        }

        foreach (var (name, child) in SchemaJson.Properties(schema) ?? [])
        {
            if (child is JsonObject c)
            {
                Compile(c, FieldPath.Child(path, name));
            }
        }

        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (schema[key] is JsonObject child)
            {
                Compile(child, path + "[*]");
            }
        }
    }

    private CompiledRule CompileRule(JsonObject schema, JsonObject rule, string path)
    {
        var source = SchemaJson.Str(rule["rule"]) ?? "";
        CelProgram? program = null;
        CelProgram? messageExpression = null;
        try
        {
            program = CelProgram.Compile(source);
            if (SchemaJson.Str(rule["messageExpression"]) is { Length: > 0 } expression)
            {
                messageExpression = CelProgram.Compile(expression);
            }
        }
        catch (CelException)
        {
            unsupported.Add($"{(path.Length == 0 ? "<root>" : path)}: {source}");
        }

        var fieldPath = SchemaJson.Str(rule["fieldPath"]) is { Length: > 0 } fp ? RuleFieldPath.Normalize(fp.Trim(), schema, out _) : null;
        return new CompiledRule(source, program, SchemaJson.Str(rule["message"]), messageExpression, SchemaJson.Str(rule["reason"]), fieldPath);
    }

    private void Node(JsonObject schema, JsonNode? value, JsonNode? oldValue, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            return;
        }

        if (rules.TryGetValue(schema, out var compiled))
        {
            Expressions(schema, compiled, value, oldValue, path, errors);
        }

        switch (value)
        {
            case JsonObject obj:
                var oldObj = oldValue as JsonObject;
                if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var (key, child) in obj)
                    {
                        Node(additional, child, oldObj?[key], FieldPath.Key(path, key), errors);
                    }
                }

                var properties = SchemaJson.Properties(schema);
                foreach (var (key, child) in obj)
                {
                    if (properties?[key] is JsonObject childSchema)
                    {
                        Node(childSchema, child, oldObj?[key], FieldPath.Child(path, key), errors);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                var oldArray = oldValue as JsonArray;
                var mapKeys = SchemaJson.Str(schema["x-kubernetes-list-type"]) == "map"
                    ? schema["x-kubernetes-list-map-keys"]?.AsArray().Select(SchemaJson.Str).OfType<string>().ToList()
                    : null;
                for (var i = 0; i < array.Count; i++)
                {
                    // Only items of a list-type map correlate with an old item (by key); others have no oldSelf.
                    JsonNode? oldItem = null;
                    if (mapKeys is not null && oldArray is not null && array[i] is JsonObject item)
                    {
                        oldItem = oldArray.OfType<JsonObject>().FirstOrDefault(o => mapKeys.All(k => JsonNode.DeepEquals(o[k], item[k])));
                    }

                    Node(items, array[i], oldItem, FieldPath.Index(path, i), errors);
                }

                break;
        }
    }

    private static void Expressions(JsonObject schema, List<CompiledRule> compiled, JsonNode value, JsonNode? oldValue, string path, List<FieldError> errors)
    {
        var type = GoFormat.Quote(SchemaJson.Str(schema["type"]) ?? "");
        var at = path.Length == 0 ? FieldPath.Nil : path; // the object root: a nil field.Path
        var self = CelValues.FromJson(value);
        var oldSelf = oldValue is null ? null : CelValues.FromJson(oldValue);
        foreach (var rule in compiled)
        {
            if (rule.Program is null || (rule.Program.IsTransitionRule && oldValue is null))
            {
                continue;
            }

            object? result;
            try
            {
                result = rule.Program.Evaluate(self, oldSelf);
            }
            catch (Exception e) when (e is CelException or OverflowException)
            {
                var text = e is OverflowException ? "integer overflow" : e.Message;
                var detail = text.StartsWith("no such overload", StringComparison.Ordinal)
                    ? $"'{text}': call arguments did not match a supported operator, function or macro signature for rule: {ErrorString(rule)}"
                    : $"{text} evaluating rule: {ErrorString(rule)}";
                errors.Add(FieldError.Invalid(at, type, detail));
                continue;
            }

            if (result is not true)
            {
                var field = rule.FieldPath is { Length: > 0 } fp ? Join(path, fp) : at;
                errors.Add(ForReason(field, type, Detail(rule, self, oldSelf), rule.Reason));
            }
        }
    }

    // messageExpression when it evaluates to a usable string; else message; else "failed rule: <rule>".
    private static string Detail(CompiledRule rule, object? self, object? oldSelf)
    {
        if (rule.MessageExpression is { } expression)
        {
            try
            {
                if (expression.Evaluate(self, oldSelf) is string text && text.Trim() is { Length: > 0 and <= 5120 } trimmed && !trimmed.Contains('\n', StringComparison.Ordinal))
                {
                    return trimmed;
                }
            }
            catch (Exception e) when (e is CelException or OverflowException)
            {
                // Falls back to the message, as kube-apiserver does (it only logs the failure).
            }
        }

        return rule.Message is { Length: > 0 } message ? message.Trim() : "failed rule: " + rule.Rule.Trim();
    }

    private static string ErrorString(CompiledRule rule) => rule.Message is { Length: > 0 } message ? message.Trim() : rule.Rule.Trim();

    private static FieldError ForReason(string field, string type, string detail, string? reason) => reason switch
    {
        FieldErrorReasons.Forbidden => FieldError.Forbidden(field, detail),
        FieldErrorReasons.Required => FieldError.Required(field, detail),
        FieldErrorReasons.Duplicate => FieldError.Duplicate(field, type),
        _ => FieldError.Invalid(field, type, detail),
    };

    // field.Path.Child of the normalized fieldPath (a leading map key stays ".[key]", as Go prints it).
    private static string Join(string path, string child) => path.Length == 0 ? child : path + "." + child;
}
