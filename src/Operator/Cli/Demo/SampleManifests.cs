using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Kube;
using k8s;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// config/samples as <c>kubectl apply -k</c> reads it: the files its kustomization.yaml lists, in that order, each
/// object as JSON; plus the demo's overrides laid over the BlueGreenRelease's spec, and the way to create them.
/// </summary>
internal sealed class SampleManifests
{
    private SampleManifests(string directory, IReadOnlyList<JsonObject> objects)
    {
        Directory = directory;
        Objects = objects;
    }

    public string Directory { get; }

    /// <summary>Every object, in the kustomization's order.</summary>
    public IReadOnlyList<JsonObject> Objects { get; }

    public static SampleManifests Load(string directory)
    {
        var kustomization = ManifestLoader.Load(File.ReadAllText(Path.Combine(directory, "kustomization.yaml"))).Single();
        var files = (kustomization["resources"] as JsonArray ?? []).Select(r => r!.GetValue<string>());
        return new SampleManifests(directory, [.. files.SelectMany(f => ManifestLoader.Load(File.ReadAllText(Path.Combine(directory, f))))]);
    }

    /// <summary>The one object of <paramref name="kind"/> (a deep copy).</summary>
    public JsonObject Of(EntityKind kind) =>
        Objects.Single(o => (string?)o["kind"] == kind.Kind).DeepClone().AsObject();

    /// <summary>The names of the four objects, in <paramref name="namespace"/>.</summary>
    public DemoNames Names(string @namespace) => new(
        @namespace, NameOf(EbopsKinds.RdsDatabase), NameOf(EbopsKinds.BeanstalkApp), NameOf(EbopsKinds.NlbFrontend), NameOf(EbopsKinds.BlueGreenRelease));

    /// <summary>The BlueGreenRelease with <paramref name="specOverrides"/> merged into its spec (RFC 7386).</summary>
    public JsonObject Release(JsonObject specOverrides)
    {
        var release = Of(EbopsKinds.BlueGreenRelease);
        Merge(release["spec"]!.AsObject(), specOverrides);
        return release;
    }

    /// <summary>Creates <paramref name="manifest"/> in <paramref name="namespace"/>; returns <c>plural/name</c>.</summary>
    public static async Task<string> CreateAsync(IKubernetes client, string @namespace, JsonObject manifest, CancellationToken cancellationToken)
    {
        var kind = EbopsKinds.All.Single(k => k.Kind == (string?)manifest["kind"]);
        var (group, version) = ((string)manifest["apiVersion"]!).Split('/') is [var g, var v] ? (g, v) : throw new InvalidOperationException("apiVersion must be group/version");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, group, version, @namespace, kind.Plural, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return $"{kind.Plural}/{manifest["metadata"]!["name"]}";
    }

    /// <summary>
    /// Creates the Secret the sample RdsDatabase's <c>spec.masterPassword.secretRef</c> names, holding
    /// <paramref name="password"/> under its key; returns <c>secrets/name</c>.
    /// </summary>
    public async Task<string> CreateMasterSecretAsync(IKubernetes client, string @namespace, string password, CancellationToken cancellationToken)
    {
        var reference = Of(EbopsKinds.RdsDatabase)["spec"]!["masterPassword"]!["secretRef"]!;
        var secret = new k8s.Models.V1Secret
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = (string)reference["name"]!, NamespaceProperty = @namespace },
            StringData = new Dictionary<string, string> { [(string?)reference["key"] ?? "password"] = password },
        };
        await client.CoreV1.CreateNamespacedSecretAsync(secret, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        return $"secrets/{secret.Metadata.Name}";
    }

    private string NameOf(EntityKind kind) => (string)Of(kind)["metadata"]!["name"]!;

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
