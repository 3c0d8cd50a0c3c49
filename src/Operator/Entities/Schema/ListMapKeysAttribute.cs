namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// Marks a list as <c>x-kubernetes-list-type: map</c> keyed by the given (required) fields: the apiserver rejects
/// duplicate keys and server-side apply merges items by key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
