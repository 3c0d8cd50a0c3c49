using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// The checks kube-apiserver makes on a node's <c>x-kubernetes-validations</c> when a CRD is written: the shape of
/// each entry (rule, message, messageExpression, reason, fieldPath), then, when the schema is otherwise valid, that
/// each rule and message expression compiles against the node's type, stays within the cost budget, and uses
/// <c>oldSelf</c> only where old and new values correlate.
/// </summary>
internal static class RuleDefinitionValidator
{
    private static readonly string[] SupportedReasons = [FieldErrorReasons.Duplicate, FieldErrorReasons.Forbidden, FieldErrorReasons.Invalid, FieldErrorReasons.Required];

    public static void CheckShape(JsonObject schema, JsonArray rules, string path, List<FieldError> errors)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var at = FieldPath.Index(FieldPath.Child(path, "x-kubernetes-validations"), i);
            var rule = rules[i] as JsonObject ?? [];
            var source = SchemaJson.Str(rule["rule"]) ?? "";
            var message = SchemaJson.Str(rule["message"]) ?? "";
            if (source.Trim().Length == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "rule"), "rule is not specified"));
            }
            else if (message.Length > 0 && message.Trim().Length == 0)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "message"), GoFormat.Quote(message), "message must be non-empty if specified"));
            }
            else if (HasNewlines(message.Trim()))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "message"), GoFormat.Quote(message), "message must not contain line breaks"));
            }
            else if (HasNewlines(source.Trim()) && message.Trim().Length == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "message"), "message must be specified if rule contains line breaks"));
            }

            if (SchemaJson.Str(rule["messageExpression"]) is { Length: > 0 } expression && expression.Trim().Length == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(at, "messageExpression"), "messageExpression must be non-empty if specified"));
            }

            if (SchemaJson.Str(rule["reason"]) is { } reason && !SupportedReasons.Contains(reason))
            {
                errors.Add(FieldError.NotSupported(FieldPath.Child(at, "reason"), GoFormat.Quote(reason), SupportedReasons));
            }

            CheckFieldPath(schema, SchemaJson.Str(rule["fieldPath"]) ?? "", FieldPath.Child(at, "fieldPath"), errors);
        }
    }

    public static void Compile(JsonObject schema, JsonArray rules, string path, NodeContext context, bool suppressExpressionCost, CostTracker costs, List<FieldError> errors)
    {
        var self = CelDeclTypes.From(schema, isResourceRoot: false);
        for (var i = 0; i < rules.Count; i++)
        {
            var at = FieldPath.Index(FieldPath.Child(path, "x-kubernetes-validations"), i);
            var rule = rules[i] as JsonObject ?? [];
            var source = SchemaJson.Str(rule["rule"]) ?? "";
            var compiled = CelCompiler.CompileRule(source, self);
            var cost = CostTracker.Multiply(compiled.MaxCost, context.Cardinality ?? 1);
            if (!suppressExpressionCost && cost > CostTracker.ExpressionLimit)
            {
                errors.Add(FieldError.Forbidden(FieldPath.Child(at, "rule"), CostTracker.ExceedsMessage("estimated rule cost", cost, CostTracker.ExpressionLimit)));
            }

            costs.Observe(FieldPath.Child(at, "rule"), cost);
            if (compiled.Error is not null)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "rule"), Dump(rule), compiled.Error));
            }

            if (SchemaJson.Str(rule["messageExpression"]) is { Length: > 0 } expression)
            {
                CompileMessageExpression(expression, self, rule, at, suppressExpressionCost, costs, errors);
            }

            if (compiled.UsesOldSelf && context.UncorrelatablePath is { } uncorrelatable)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "rule"), GoFormat.Quote(source), $"oldSelf cannot be used on the uncorrelatable portion of the schema within {uncorrelatable}"));
            }
            else if (!compiled.UsesOldSelf && rule["optionalOldSelf"] is JsonValue optional)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(at, "optionalOldSelf"), optional.ToJsonString(), "may not be set if oldSelf is not used in rule"));
            }
        }
    }

    private static void CompileMessageExpression(string expression, CelType self, JsonObject rule, string at, bool suppressExpressionCost, CostTracker costs, List<FieldError> errors)
    {
        var compiled = CelCompiler.CompileMessageExpression(expression, self);
        if (compiled.Error is not null)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(at, "messageExpression"), Dump(rule), compiled.Error));
            return;
        }

        if (!suppressExpressionCost && compiled.MaxCost > CostTracker.ExpressionLimit)
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(at, "messageExpression"), CostTracker.ExceedsMessage("estimated messageExpression cost", compiled.MaxCost, CostTracker.ExpressionLimit)));
        }

        costs.Observe(FieldPath.Child(at, "messageExpression"), compiled.MaxCost);
    }

    private static void CheckFieldPath(JsonObject schema, string fieldPath, string at, List<FieldError> errors)
    {
        if (fieldPath.Length > 0 && fieldPath.Trim().Length == 0)
        {
            errors.Add(FieldError.Invalid(at, GoFormat.Quote(fieldPath), "fieldPath must be non-empty if specified"));
        }

        if (HasNewlines(fieldPath))
        {
            errors.Add(FieldError.Invalid(at, GoFormat.Quote(fieldPath), "fieldPath must not contain line breaks"));
        }

        if (fieldPath.Length > 0 && RuleFieldPath.Normalize(fieldPath, schema, out _) is null)
        {
            errors.Add(FieldError.Invalid(at, GoFormat.Quote(fieldPath), "fieldPath must be a valid path"));
        }
    }

    private static bool HasNewlines(string s) => s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal);

    /// <summary>
    /// The rule as Go's <c>%#v</c> prints apiextensions.ValidationRule. A set pointer (reason, optionalOldSelf) prints
    /// as an address in Go; the emulator prints a fixed one.
    /// </summary>
    public static string Dump(JsonObject rule)
    {
        string S(string key) => GoFormat.Quote(SchemaJson.Str(rule[key]) ?? "");
        var reason = rule["reason"] is null ? "(*apiextensions.FieldValueErrorReason)(nil)" : "(*apiextensions.FieldValueErrorReason)(0xc000000000)";
        var optional = rule["optionalOldSelf"] is null ? "(*bool)(nil)" : "(*bool)(0xc000000000)";
        return $"apiextensions.ValidationRule{{Rule:{S("rule")}, Message:{S("message")}, MessageExpression:{S("messageExpression")}, Reason:{reason}, FieldPath:{S("fieldPath")}, OptionalOldSelf:{optional}}}";
    }
}
