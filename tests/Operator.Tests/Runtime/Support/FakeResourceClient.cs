using System.Net;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using k8s;
using k8s.Autorest;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>
/// A stateful in-memory API for one kind: merge patches, resourceVersion preconditions (409), /status separation and
/// finalizer-gated deletion, with a log of the requests made. Every change is also reported to
/// <see cref="Changed"/> (the watch of a real API server).
/// </summary>
internal sealed class FakeResourceClient<T> : IResourceClient<T>
    where T : class, ICustomResource
{
    private readonly Dictionary<(string?, string), JsonObject> objects = [];
    private long version = 1;

    public List<string> Calls { get; } = [];

    /// <summary>Called with every change, as a watch would deliver it.</summary>
    public Action<WatchEventType, T>? Changed { get; set; }

    /// <summary>Every stored object (for a list).</summary>
    public List<T> All() => [.. objects.Values.Select(j => KubernetesJson.Deserialize<T>(j.ToJsonString()))];

    public int StatusWrites => Calls.Count(c => c.StartsWith("PATCH-STATUS", StringComparison.Ordinal));

    public void Put(T entity)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(entity))!.AsObject();
        json["metadata"]!["resourceVersion"] = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["metadata"]!["generation"] ??= 1L;
        json["metadata"]!["uid"] ??= Guid.NewGuid().ToString();
        var key = (entity.Metadata.NamespaceProperty, entity.Metadata.Name);
        var existed = objects.ContainsKey(key);
        objects[key] = json;
        Notify(existed ? WatchEventType.Modified : WatchEventType.Added, json);
    }

    public T? Peek(string? ns, string name) => objects.TryGetValue((ns, name), out var json) ? KubernetesJson.Deserialize<T>(json.ToJsonString()) : null;

    /// <summary>Marks for deletion like the API server: deleted now without finalizers, else deletionTimestamp set.</summary>
    public void Delete(string? ns, string name)
    {
        var json = objects[(ns, name)];
        if (json["metadata"]!["finalizers"] is JsonArray { Count: > 0 })
        {
            json["metadata"]!["deletionTimestamp"] = "2026-01-01T00:00:00Z";
            json["metadata"]!["resourceVersion"] = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Notify(WatchEventType.Modified, json);
        }
        else
        {
            objects.Remove((ns, name));
            Notify(WatchEventType.Deleted, json);
        }
    }

    public Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        Calls.Add($"GET {name}");
        return Task.FromResult(Peek(@namespace, name));
    }

    public Task<T> PatchAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        Calls.Add($"PATCH {name} {mergePatch.ToJsonString()}");
        var current = objects.TryGetValue((@namespace, name), out var found) ? found : throw Status(HttpStatusCode.NotFound);
        if (mergePatch["metadata"]?["resourceVersion"] is { } expected && expected.GetValue<string>() != current["metadata"]!["resourceVersion"]!.GetValue<string>())
        {
            throw Status(HttpStatusCode.Conflict);
        }

        var patch = (JsonObject)mergePatch.DeepClone();
        patch.Remove("status");
        var updated = (JsonObject)JsonMerge.Apply(current, patch)!;
        var specChanged = !JsonNode.DeepEquals(current["spec"], updated["spec"]);
        if (specChanged)
        {
            updated["metadata"]!["generation"] = current["metadata"]!["generation"]!.GetValue<long>() + 1;
        }

        updated["metadata"]!["resourceVersion"] = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (updated["metadata"]!["deletionTimestamp"] is not null && updated["metadata"]!["finalizers"] is not JsonArray { Count: > 0 })
        {
            objects.Remove((@namespace, name));
            Notify(WatchEventType.Deleted, updated);
        }
        else
        {
            objects[(@namespace, name)] = updated;
            Notify(WatchEventType.Modified, updated);
        }

        return Task.FromResult(KubernetesJson.Deserialize<T>(updated.ToJsonString()));
    }

    public Task<T> PatchStatusAsync(string? @namespace, string name, JsonObject mergePatch, CancellationToken cancellationToken)
    {
        Calls.Add($"PATCH-STATUS {name} {mergePatch.ToJsonString()}");
        var current = objects.TryGetValue((@namespace, name), out var found) ? found : throw Status(HttpStatusCode.NotFound);
        if (mergePatch["metadata"]?["resourceVersion"] is { } expected && expected.GetValue<string>() != current["metadata"]!["resourceVersion"]!.GetValue<string>())
        {
            throw Status(HttpStatusCode.Conflict);
        }

        var updated = (JsonObject)current.DeepClone();
        updated["status"] = JsonMerge.Apply(current["status"], mergePatch["status"]);
        updated["metadata"]!["resourceVersion"] = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        objects[(@namespace, name)] = updated;
        Notify(WatchEventType.Modified, updated);
        return Task.FromResult(KubernetesJson.Deserialize<T>(updated.ToJsonString()));
    }

    /// <summary>Changes the spec like a user would (generation + 1).</summary>
    public void EditSpec(string? ns, string name, int size) => Edit(ns, name, json =>
    {
        json["spec"]!["size"] = size;
        json["metadata"]!["generation"] = json["metadata"]!["generation"]!.GetValue<long>() + 1;
    });

    /// <summary>Changes the stored object like another client would (a new resourceVersion; a watch event unless <paramref name="silently"/>).</summary>
    public void Edit(string? ns, string name, Action<JsonObject> change, bool silently = false)
    {
        var json = objects[(ns, name)];
        change(json);
        json["metadata"]!["resourceVersion"] = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!silently)
        {
            Notify(WatchEventType.Modified, json);
        }
    }

    private void Notify(WatchEventType type, JsonObject json) => Changed?.Invoke(type, KubernetesJson.Deserialize<T>(json.ToJsonString()));

    private static HttpOperationException Status(HttpStatusCode code) => new($"status {(int)code}")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), ""),
    };
}
