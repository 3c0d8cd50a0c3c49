namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// A Kubernetes CEL validation rule (<c>x-kubernetes-validations</c>) on the schema node of the class or property it
/// decorates. <c>self</c> is that node's value; a rule that mentions <c>oldSelf</c> is a transition rule, evaluated
/// on update only. Keep rules within the apiserver's cost budget: bound every list and string they touch.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule) : Attribute
{
    public string Rule { get; } = rule;

    /// <summary>The message shown when the rule fails; it names the field.</summary>
    public string Message { get; init; } = "";

    /// <summary>Optional JSONPath relative to the node (e.g. <c>.min</c>) that the error is reported on.</summary>
    public string? FieldPath { get; init; }
}
