namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// An object another object depends on, in the same namespace: <paramref name="Kind"/> is <c>Secret</c> or the kind
/// name of a registered kind (for example <c>RdsDatabase</c>).
/// </summary>
public readonly record struct ReferencedObject(string Kind, string Name)
{
    public const string SecretKind = "Secret";

    /// <summary>The name of <see cref="ReferrersOf"/> (not a valid object name).</summary>
    public const string AnyReferrer = "*";

    public static ReferencedObject Secret(string name) => new(SecretKind, name);

    /// <summary>
    /// Every object of <paramref name="kind"/> (a registered kind) that references this one: when one changes, this one
    /// is reconciled again, also when it did not know of that object yet (a BlueGreenRelease created for an app).
    /// </summary>
    public static ReferencedObject ReferrersOf(string kind) => new(kind, AnyReferrer);
}
