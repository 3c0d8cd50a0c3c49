using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>An <see cref="IEventRecorder"/> that keeps every event, for assertions.</summary>
internal sealed class RecordingEventRecorder : IEventRecorder
{
    private readonly List<RecordedEvent> events = [];

    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    public IReadOnlyList<string> Reasons => [.. Events.Select(e => e.Reason)];

    public Task RecordAsync(ICustomResource regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        lock (events)
        {
            events.Add(new RecordedEvent(regarding.Metadata.Name, type, reason, action, note));
        }

        return Task.CompletedTask;
    }

    public void Clear()
    {
        lock (events)
        {
            events.Clear();
        }
    }
}
