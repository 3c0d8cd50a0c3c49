using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// What the cache keeps of a Secret: never the payload. <paramref name="KeyHashes"/> maps each data key to the
/// lower-case hex SHA-256 of its value (computed when the watch event arrived; the value was dropped at once), so a
/// controller can tell that a value changed, or equals one it wrote, without holding it.
/// </summary>
public sealed record SecretSummary(
    string Namespace,
    string Name,
    string? Type,
    string? ResourceVersion,
    IReadOnlyDictionary<string, string> KeyHashes,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<V1OwnerReference> OwnerReferences);
