using k8s.Models;

namespace Ebops.Operator.Runtime.Events;

/// <summary>Where events are written (the API server in production, a list in tests).</summary>
public interface IEventSink
{
    Task CreateAsync(Eventsv1Event eventObject, CancellationToken cancellationToken);

    /// <summary>Updates an existing event's series (count and lastObservedTime).</summary>
    Task UpdateSeriesAsync(string @namespace, string name, int count, DateTimeOffset lastObserved, CancellationToken cancellationToken);
}
