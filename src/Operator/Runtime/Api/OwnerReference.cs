using Ebops.Operator.Entities;
using k8s.Models;

namespace Ebops.Operator.Runtime.Api;

/// <summary>One metadata.ownerReferences entry, immutable. The owner lives in the same namespace as the object.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string? Uid, bool IsController)
{
    /// <summary>
    /// The reference that makes <paramref name="owner"/> the controller of an object: garbage collected with it, and
    /// (through the runtime's ownership tracking) re-queued when the object changes.
    /// </summary>
    public static OwnerReference ControlledBy(ICustomResource owner) =>
        new(owner.ApiVersion, owner.Kind, owner.Metadata.Name, owner.Metadata.Uid, IsController: true);

    internal static IReadOnlyList<OwnerReference> From(V1ObjectMeta? meta) =>
        meta?.OwnerReferences is { Count: > 0 } owners
            ? [.. owners.Select(o => new OwnerReference(o.ApiVersion, o.Kind, o.Name, o.Uid, o.Controller == true))]
            : [];

    internal V1OwnerReference ToKubernetes() => new()
    {
        ApiVersion = ApiVersion,
        Kind = Kind,
        Name = Name,
        Uid = Uid,
        Controller = IsController ? true : null,
        BlockOwnerDeletion = IsController ? true : null,
    };
}
