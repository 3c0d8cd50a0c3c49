namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// Constraints on the items of a list of strings or the values of a map of strings (DataAnnotations only reach the
/// property itself). Bounded items keep CEL cost estimates within the apiserver's budget.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute : Attribute
{
    /// <summary>maxLength of each item; 0 for none.</summary>
    public int MaxLength { get; init; }

    /// <summary>pattern of each item; null for none.</summary>
    public string? Pattern { get; init; }
}
