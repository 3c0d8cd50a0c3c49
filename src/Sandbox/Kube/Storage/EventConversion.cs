using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// <c>v1</c> and <c>events.k8s.io/v1</c> Events are two views of one store, as in kube-apiserver: an Event written
/// through one API is read through the other with its fields renamed (involvedObject/regarding, message/note, ...).
/// </summary>
internal static class EventConversion
{
    private static readonly (string Core, string EventsV1)[] Renames =
    [
        ("involvedObject", "regarding"),
        ("message", "note"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
        ("reportingComponent", "reportingController"),
    ];

    /// <summary>Converts <paramref name="obj"/> (in place) to <paramref name="groupVersion"/> (<c>v1</c> or <c>events.k8s.io/v1</c>).</summary>
    public static JsonObject Convert(JsonObject obj, string groupVersion)
    {
        var toCore = groupVersion == "v1";
        foreach (var (core, eventsV1) in Renames)
        {
            var (from, to) = toCore ? (eventsV1, core) : (core, eventsV1);
            if (obj.TryGetPropertyValue(from, out var value))
            {
                obj.Remove(from);
                obj[to] = value;
            }
        }
        obj["apiVersion"] = groupVersion;
        return obj;
    }
}
