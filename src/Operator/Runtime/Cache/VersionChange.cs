using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// An object of <paramref name="Kind"/> was created, deleted or got a new resourceVersion (status included);
/// <paramref name="Owners"/> are its ownerReferences (before and after the change).
/// </summary>
internal sealed record VersionChange(string Kind, ResourceKey Key, IReadOnlyList<V1OwnerReference> Owners);
