namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// An object another object depends on, in the same namespace: <paramref name="Kind"/> is <c>Secret</c> or the kind
/// name of a registered kind (for example <c>RdsDatabase</c>).
/// </summary>
public readonly record struct ReferencedObject(string Kind, string Name)
{
    public const string SecretKind = "Secret";

    public static ReferencedObject Secret(string name) => new(SecretKind, name);
}
