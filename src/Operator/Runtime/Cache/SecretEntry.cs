using k8s;
using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>What the Secret watcher keeps per Secret: metadata (for the watch) and the summary; never the payload.</summary>
internal sealed class SecretEntry : IKubernetesObject<V1ObjectMeta>
{
    private SecretEntry(V1ObjectMeta metadata, SecretSummary summary)
    {
        Metadata = metadata;
        Summary = summary;
    }

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Secret";

    public V1ObjectMeta Metadata { get; set; }

    public SecretSummary Summary { get; }

    /// <summary>Summarizes <paramref name="secret"/> and empties its payload in place, so it does not linger.</summary>
    public static SecretEntry From(V1Secret secret)
    {
        var summary = SecretHashes.Summarize(secret);
        secret.Data = null;
        secret.StringData = null;
        var meta = new V1ObjectMeta
        {
            Name = secret.Metadata.Name,
            NamespaceProperty = secret.Metadata.NamespaceProperty,
            ResourceVersion = secret.Metadata.ResourceVersion,
            Uid = secret.Metadata.Uid,
            Generation = secret.Metadata.Generation,
            OwnerReferences = secret.Metadata.OwnerReferences,
        };
        return new SecretEntry(meta, summary);
    }
}
