namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// An object referenced by name from the referencing object's namespace. <paramref name="Kind"/> is "Secret" or the
/// kind of a cached ebops kind ("RdsDatabase").
/// </summary>
public sealed record ReferencedObject(string Kind, string Name)
{
    public const string SecretKind = "Secret";

    public static ReferencedObject Secret(string name) => new(SecretKind, name);
}
