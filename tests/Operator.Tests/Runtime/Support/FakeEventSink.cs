using Ebops.Operator.Runtime.Events;
using k8s.Models;

namespace Ebops.Operator.Tests.Runtime.Support;

internal sealed class FakeEventSink : IEventSink
{
    public List<Eventsv1Event> Created { get; } = [];

    public List<(string Namespace, string Name, int Count, DateTimeOffset LastObserved)> SeriesUpdates { get; } = [];

    public Task CreateAsync(Eventsv1Event eventObject, CancellationToken cancellationToken)
    {
        Created.Add(eventObject);
        return Task.CompletedTask;
    }

    public Task UpdateSeriesAsync(string @namespace, string name, int count, DateTimeOffset lastObserved, CancellationToken cancellationToken)
    {
        SeriesUpdates.Add((@namespace, name, count, lastObserved));
        return Task.CompletedTask;
    }
}
