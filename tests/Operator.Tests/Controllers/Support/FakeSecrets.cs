using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ebops.Operator.Runtime.Cache;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>
/// A stateful fake of the Secret cache and the live Secret store over one in-memory set of Secrets. The cache view
/// is in sync by default; <see cref="CacheLag"/> hides Secrets written through the store until <see cref="CatchUp"/>.
/// Counts every request the store served and records each value ever written (for leak scans).
/// </summary>
internal sealed class FakeSecrets : ISecretCache, ISecretStore
{
    private readonly Dictionary<(string Namespace, string Name), V1Secret> secrets = [];
    private readonly HashSet<(string Namespace, string Name)> hidden = [];

    public bool IsSynced { get; set; } = true;

    /// <summary>When true, Secrets created through the store stay invisible to the cache until <see cref="CatchUp"/>.</summary>
    public bool CacheLag { get; set; }

    public List<string> Requests { get; } = [];

    /// <summary>When set, the cache reports this resourceVersion (a cache that has not seen the latest write).</summary>
    public string? StaleResourceVersion { get; set; }

    /// <summary>Every value written through the store or <see cref="Put"/>.</summary>
    public List<string> Values { get; } = [];

    public void Put(string ns, string name, IReadOnlyDictionary<string, string> data, IReadOnlyList<V1OwnerReference>? owners = null)
    {
        secrets[(ns, name)] = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, OwnerReferences = owners?.ToList(), ResourceVersion = "1" },
            Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
        };
        Values.AddRange(data.Values);
    }

    /// <summary>Sets one key (creating the Secret when needed).</summary>
    public void Set(string ns, string name, string key, string value)
    {
        if (!secrets.TryGetValue((ns, name), out var secret))
        {
            secret = new V1Secret { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = "1" } };
            secrets[(ns, name)] = secret;
        }

        secret.Data ??= new Dictionary<string, byte[]>();
        secret.Data[key] = Encoding.UTF8.GetBytes(value);
        Values.Add(value);
    }

    /// <summary>How many live reads the store served.</summary>
    public int LiveReads => Requests.Count(r => r.StartsWith("read ", StringComparison.Ordinal));

    public void Delete(string ns, string name) => secrets.Remove((ns, name));

    /// <summary>What Kubernetes' garbage collector does once the owner <paramref name="uid"/> is gone: Secrets it owned
    /// (and no one else) are deleted.</summary>
    public void CollectGarbage(string uid)
    {
        foreach (var key in secrets.Where(s => s.Value.Metadata.OwnerReferences is { Count: > 0 } owners && owners.All(o => o.Uid == uid)).Select(s => s.Key).ToList())
        {
            secrets.Remove(key);
        }
    }

    public void CatchUp() => hidden.Clear();

    /// <summary>The value of a key, or null.</summary>
    public string? Value(string ns, string name, string key) =>
        secrets.TryGetValue((ns, name), out var s) && s.Data?.TryGetValue(key, out var v) == true ? Encoding.UTF8.GetString(v) : null;

    public V1Secret? Raw(string ns, string name) => secrets.GetValueOrDefault((ns, name));

    public SecretSummary? Get(string @namespace, string name)
    {
        if (!secrets.TryGetValue((@namespace, name), out var s) || hidden.Contains((@namespace, name)))
        {
            return null;
        }

        return new SecretSummary(@namespace, name, s.Type, StaleResourceVersion ?? s.Metadata.ResourceVersion,
            (s.Data ?? new Dictionary<string, byte[]>()).ToDictionary(d => d.Key, d => Convert.ToHexStringLower(SHA256.HashData(d.Value)), StringComparer.Ordinal),
            new Dictionary<string, string>(s.Metadata.Labels ?? new Dictionary<string, string>()),
            new Dictionary<string, string>(), [.. s.Metadata.OwnerReferences ?? []]);
    }

    public Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        Requests.Add($"read {name}");
        IReadOnlyDictionary<string, byte[]>? data = secrets.TryGetValue((@namespace, name), out var s) ? new Dictionary<string, byte[]>(s.Data ?? new Dictionary<string, byte[]>()) : null;
        return Task.FromResult(data);
    }

    public Task<V1Secret> CreateAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        var key = (secret.Metadata.NamespaceProperty, secret.Metadata.Name);
        Requests.Add($"create {key.Name}");
        if (secrets.ContainsKey(key))
        {
            throw new HttpOperationException("conflict") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.Conflict), "") };
        }

        secret.Metadata.ResourceVersion = "1";
        secrets[key] = secret;
        Values.AddRange((secret.Data ?? new Dictionary<string, byte[]>()).Values.Select(v => Encoding.UTF8.GetString(v)));
        if (CacheLag)
        {
            hidden.Add(key);
        }

        return Task.FromResult(secret);
    }

    public Task<V1Secret> PatchAsync(string @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        Requests.Add($"patch {name}");
        var secret = secrets[(@namespace, name)];
        if (mergePatch["metadata"]?["resourceVersion"]?.GetValue<string>() is { } expected && expected != secret.Metadata.ResourceVersion)
        {
            throw new HttpOperationException("conflict") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.Conflict), "") };
        }

        if (mergePatch["data"] is JsonObject data)
        {
            secret.Data ??= new Dictionary<string, byte[]>();
            foreach (var (key, value) in data)
            {
                var bytes = Convert.FromBase64String(value!.GetValue<string>());
                secret.Data[key] = bytes;
                Values.Add(Encoding.UTF8.GetString(bytes));
            }
        }

        if (mergePatch["metadata"]?["ownerReferences"] is JsonArray owners)
        {
            secret.Metadata.OwnerReferences = k8s.KubernetesJson.Deserialize<List<V1OwnerReference>>(owners.ToJsonString());
        }

        secret.Metadata.ResourceVersion = (int.Parse(secret.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(secret);
    }
}
