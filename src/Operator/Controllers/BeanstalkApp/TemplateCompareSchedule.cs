using System.Collections.Concurrent;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// Remembers, per object, when its configuration template was last compared in full and with which inputs, so that a
/// steady poll skips the comparison until the inputs change or it is due again. In memory: after a restart the first
/// reconcile compares.
/// </summary>
public sealed class TemplateCompareSchedule
{
    private readonly ConcurrentDictionary<string, (string Inputs, DateTimeOffset At)> last = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="uid"/>'s template was never compared, its inputs changed, or <paramref name="every"/> has passed.</summary>
    public bool IsDue(string uid, string inputs, DateTimeOffset now, TimeSpan every) =>
        !last.TryGetValue(uid, out var previous) || previous.Inputs != inputs || now - previous.At >= every;

    /// <summary>The inputs of the last comparison, or null.</summary>
    public string? LastInputs(string uid) => last.TryGetValue(uid, out var previous) ? previous.Inputs : null;

    public void Compared(string uid, string inputs, DateTimeOffset now) => last[uid] = (inputs, now);

    public void Forget(string uid) => last.TryRemove(uid, out _);
}
