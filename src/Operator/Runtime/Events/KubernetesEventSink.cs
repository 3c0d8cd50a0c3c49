using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Ebops.Operator.Runtime.Events;

/// <summary>Writes Events to events.k8s.io/v1.</summary>
internal sealed class KubernetesEventSink(IKubernetes client) : IEventSink
{
    public Task CreateAsync(Eventsv1Event eventObject, CancellationToken cancellationToken) =>
        client.EventsV1.CreateNamespacedEventAsync(eventObject, eventObject.Metadata.NamespaceProperty, cancellationToken: cancellationToken);

    public Task UpdateSeriesAsync(string @namespace, string name, int count, DateTimeOffset lastObserved, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["series"] = new JsonObject
            {
                ["count"] = count,
                // MicroTime: RFC 3339 with microseconds.
                ["lastObservedTime"] = lastObserved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            },
        };
        return client.EventsV1.PatchNamespacedEventAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: cancellationToken);
    }
}
