namespace Ebops.Operator.Entities.Schema;

/// <summary>Marks a list of scalars as <c>x-kubernetes-list-type: set</c>: duplicates are rejected.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListSetAttribute : Attribute;
