using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// The hash <see cref="SecretSummary.KeyHashes"/> holds per key (lower-case hex SHA-256 of the value's bytes), so a
/// controller can compare a cached Secret with a value it wrote without keeping the value.
/// </summary>
public static class SecretHashes
{
    /// <summary>The annotation kubectl apply writes; it holds the whole applied manifest, Secret data included, so summaries leave it out.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public static string Of(byte[] value) => Convert.ToHexStringLower(SHA256.HashData(value));

    /// <summary>The hash of <paramref name="value"/>'s UTF-8 bytes (how a text value is stored).</summary>
    public static string Of(string value) => Of(Encoding.UTF8.GetBytes(value));

    /// <summary>The summary of <paramref name="secret"/>: metadata and hashes, no value.</summary>
    internal static SecretSummary Summarize(V1Secret secret)
    {
        var meta = secret.Metadata ?? new V1ObjectMeta();
        return new SecretSummary(
            meta.NamespaceProperty ?? "",
            meta.Name ?? "",
            secret.Type,
            meta.ResourceVersion,
            (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(d => d.Key, d => Of(d.Value ?? []), StringComparer.Ordinal),
            Copy(meta.Labels),
            Copy(meta.Annotations?.Where(a => a.Key != LastAppliedAnnotation)),
            CopyOwners(meta.OwnerReferences));
    }

    /// <summary>Fresh copies, so a caller changing them never changes what the cache holds.</summary>
    internal static List<V1OwnerReference> CopyOwners(IEnumerable<V1OwnerReference>? owners) =>
    [
        .. (owners ?? []).Select(o => new V1OwnerReference
        {
            ApiVersion = o.ApiVersion,
            Kind = o.Kind,
            Name = o.Name,
            Uid = o.Uid,
            Controller = o.Controller,
            BlockOwnerDeletion = o.BlockOwnerDeletion,
        }),
    ];

    private static Dictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>>? pairs) =>
        (pairs ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
