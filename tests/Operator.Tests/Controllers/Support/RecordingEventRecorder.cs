using System.Collections.Concurrent;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>Keeps every event a controller records.</summary>
internal sealed class RecordingEventRecorder : IEventRecorder
{
    public ConcurrentQueue<(string Type, string Reason, string Action, string Note)> Events { get; } = new();

    public Task RecordAsync(ICustomResource regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        Events.Enqueue((type, reason, action, note));
        return Task.CompletedTask;
    }

    public bool Has(string reason) => Events.Any(e => e.Reason == reason);
}
