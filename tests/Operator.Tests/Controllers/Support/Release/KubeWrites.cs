using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime;

namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>
/// The resourceVersion every write through <see cref="KubeWriteHandler"/> produced, by kind and object, and the versions
/// the operator's informers have seen: a world is settled only once every write reached the caches (a watch event may
/// still be on its way when the write's response is back).
/// </summary>
internal sealed class KubeWrites(Activity activity)
{
    private static readonly Dictionary<string, string> KindsByPlural = EbopsKinds.All.ToDictionary(k => k.Plural, k => k.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Kind, ResourceKey Key), long> written = new();
    private readonly ConcurrentDictionary<(string Kind, ResourceKey Key), long> seen = new();

    /// <summary>Told of every successful write (its path and the response body) as it is recorded.</summary>
    public event Action<string, string>? Recorded;

    /// <summary>A write's response: <c>/apis/ebops.io/v1alpha1/namespaces/ns/plural[/name[/status]]</c> or a Secret.</summary>
    public void Written(string path, string body)
    {
        Recorded?.Invoke(path, body);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "namespaces");
        if (at < 0 || at + 2 >= parts.Length || KindOf(parts[at + 2]) is not { } kind || JsonNode.Parse(body) is not JsonObject json
            || json["metadata"]?["resourceVersion"]?.GetValue<string>() is not { } version || json["metadata"]?["name"]?.GetValue<string>() is not { } name)
        {
            return;
        }

        var key = (kind, new ResourceKey(parts[at + 1], name));
        written.AddOrUpdate(key, Parse(version), (_, old) => Math.Max(old, Parse(version)));
        activity.Pulse();
    }

    /// <summary>An informer saw <paramref name="version"/> of an object (null: deleted).</summary>
    public void Seen(string kind, ResourceKey key, string? version)
    {
        var value = version is null ? long.MaxValue : Parse(version);
        seen.AddOrUpdate((kind, key), value, (_, old) => Math.Max(old, value));
        activity.Pulse();
    }

    /// <summary>Writes the informers have not delivered yet.</summary>
    public IReadOnlyList<string> Pending(Func<string, bool> cached) =>
        [.. written.Where(w => cached(w.Key.Kind) && seen.GetValueOrDefault(w.Key) < w.Value).Select(w => $"{w.Key.Kind} {w.Key.Key.Name}@{w.Value}")];

    /// <summary>Every object written so far.</summary>
    public IEnumerable<(string Kind, ResourceKey Key)> Keys => written.Keys;

    /// <summary>A new operator starts with empty caches: what it has seen starts again from its first list.</summary>
    public void ForgetSeen() => seen.Clear();

    private static string? KindOf(string plural) => plural == "secrets" ? "Secret" : KindsByPlural.GetValueOrDefault(plural);

    private static long Parse(string version) => long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
