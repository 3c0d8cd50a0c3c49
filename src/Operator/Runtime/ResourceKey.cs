namespace Ebops.Operator.Runtime;

/// <summary>What the work queue carries: the object's namespace (null for cluster-scoped) and name, never the object.</summary>
public sealed record ResourceKey(string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
