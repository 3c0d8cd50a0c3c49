namespace Ebops.Operator.Runtime.Api;

/// <summary>
/// What <see cref="ISecretStore"/> writes. <see cref="Data"/> values are text (stored UTF-8); in a patch a null value
/// removes the key. Null collections are left as they are by a patch (and empty on create);
/// <see cref="OwnerReferences"/>, when given, replaces the whole list.
/// </summary>
public sealed record SecretContent(IReadOnlyDictionary<string, string?> Data)
{
    /// <summary>The Secret's type on create (default Opaque); ignored by a patch (the type is immutable).</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }
}
