using System.Text;
using Ebops.Operator.Runtime.Cache;
using k8s.Models;

namespace Ebops.Operator.Tests.Runtime.Cache;

public sealed class SecretSummaryTests
{
    private static V1Secret Secret() => new()
    {
        Type = "kubernetes.io/basic-auth",
        Metadata = new V1ObjectMeta
        {
            Name = "db",
            NamespaceProperty = "apps",
            ResourceVersion = "42",
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            Annotations = new Dictionary<string, string>
            {
                ["note"] = "rotated monthly",
                [SecretHashes.LastAppliedAnnotation] = "{\"stringData\":{\"password\":\"hunter2\"}}",
            },
            OwnerReferences = [new V1OwnerReference { ApiVersion = "ebops.io/v1alpha1", Kind = "RdsDatabase", Name = "db", Uid = "u-1", Controller = true }],
        },
        Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("hunter2"), ["empty"] = [] },
    };

    [Fact]
    public void A_summary_keeps_metadata_and_hashes_but_no_value()
    {
        var secret = Secret();
        var entry = SecretEntry.From(secret);
        var summary = entry.Summary;

        Assert.Equal(("apps", "db", "kubernetes.io/basic-auth", "42"), (summary.Namespace, summary.Name, summary.Type, summary.ResourceVersion));
        Assert.Equal("web", summary.Labels["app"]);
        Assert.Equal(["note"], summary.Annotations.Keys);
        var owner = Assert.Single(summary.OwnerReferences);
        Assert.Equal(("ebops.io/v1alpha1", "RdsDatabase", "db", "u-1", true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
        // SHA-256("hunter2") and SHA-256(""), lower-case hex.
        Assert.Equal("f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7", summary.KeyHashes["password"]);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", summary.KeyHashes["empty"]);
        Assert.False(summary.KeyHashes.ContainsKey("missing"));

        // The payload is dropped from the object the watch handed over, and nothing kept holds it.
        Assert.Null(secret.Data);
        Assert.DoesNotContain("hunter2", k8s.KubernetesJson.Serialize(entry.Metadata) + System.Text.Json.JsonSerializer.Serialize(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_is_the_hex_sha256_of_the_utf8_value() =>
        Assert.Equal(SecretHashes.Of(Encoding.UTF8.GetBytes("pässword")), SecretHashes.Of("pässword"));
}
