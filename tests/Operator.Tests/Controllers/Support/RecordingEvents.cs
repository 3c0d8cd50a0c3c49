using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Tests.Controllers.Support;

/// <summary>Records every event a controller emits.</summary>
internal sealed class RecordingEvents : IEventRecorder
{
    public List<(string Type, string Reason, string Note)> Events { get; } = [];

    public IEnumerable<string> Reasons => Events.Select(e => e.Reason);

    public Task RecordAsync(ICustomResource regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        Events.Add((type, reason, note));
        return Task.CompletedTask;
    }
}
