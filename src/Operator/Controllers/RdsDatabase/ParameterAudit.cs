using System.Collections.Concurrent;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>When each RdsDatabase's parameter values were last read from AWS (in memory: after a restart each is read
/// once), so a steady poll reads them only every <see cref="RdsDecisions.ParameterValuesEveryNthPoll"/>th time.</summary>
public sealed class ParameterAudit
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastRead = new(StringComparer.Ordinal);

    /// <summary>How many RdsDatabases have an entry (tests: a deleted one has none).</summary>
    public int Count => lastRead.Count;

    public DateTimeOffset? LastRead(string uid) => lastRead.TryGetValue(uid, out var at) ? at : null;

    public void Read(string uid, DateTimeOffset at) => lastRead[uid] = at;

    public void Forget(string uid) => lastRead.TryRemove(uid, out _);
}
