using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace Ebops.Operator.Runtime.Api;

/// <summary>
/// A Secret without its payload: what controllers may keep and compare. <see cref="DataHashes"/> holds, per data key,
/// the lower-case hex SHA-256 of the value (detects rotation without holding the value). kubectl's
/// last-applied-configuration annotation is left out because it can carry the payload.
/// </summary>
public sealed record SecretSummary(
    string Namespace,
    string Name,
    string Type,
    string ResourceVersion,
    string? Uid,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<OwnerReference> OwnerReferences,
    IReadOnlyDictionary<string, string> DataHashes)
{
    /// <summary>The annotation kubectl apply writes; it holds the whole applied manifest, Secret data included.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public bool HasKey(string key) => DataHashes.ContainsKey(key);

    /// <summary>The SHA-256 hex of the value under <paramref name="key"/>; null when the key is absent.</summary>
    public string? HashOf(string key) => DataHashes.TryGetValue(key, out var hash) ? hash : null;

    /// <summary>The hash <see cref="DataHashes"/> holds for <paramref name="value"/> (its UTF-8 bytes).</summary>
    public static string Hash(string value) => Hash(Encoding.UTF8.GetBytes(value));

    public static string Hash(byte[] value) => Convert.ToHexStringLower(SHA256.HashData(value));

    internal static SecretSummary From(V1Secret secret)
    {
        var meta = secret.Metadata ?? new V1ObjectMeta();
        return new SecretSummary(
            meta.NamespaceProperty ?? "",
            meta.Name ?? "",
            secret.Type ?? "Opaque",
            meta.ResourceVersion ?? "",
            meta.Uid,
            Copy(meta.Labels),
            Copy(meta.Annotations?.Where(a => a.Key != LastAppliedAnnotation)),
            OwnerReference.From(meta),
            (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(d => d.Key, d => Hash(d.Value ?? []), StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>>? pairs) =>
        (pairs ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
