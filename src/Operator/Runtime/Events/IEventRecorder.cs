using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Events;

/// <summary>
/// Records events.k8s.io/v1 Events about an object. Repeats of the same (object, type, reason, note) are aggregated
/// into the first Event's series; writes are rate-limited per object; failures are logged, never thrown.
/// Notes must never contain secrets.
/// </summary>
public interface IEventRecorder
{
    Task RecordAsync(ICustomResource regarding, string type, string reason, string action, string note, CancellationToken cancellationToken);
}
