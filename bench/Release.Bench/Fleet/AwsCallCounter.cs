using System.Collections.Concurrent;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// Counts every call the simulator logs by (service, operation, outcome) as it happens (the call log itself keeps only
/// the latest calls), with snapshots to compare two moments.
/// </summary>
internal sealed class AwsCallCounter : IDisposable
{
    private static readonly HashSet<string> ThrottlingCodes = ["Throttling", "ThrottlingException", "RequestLimitExceeded", "SlowDown"];
    private readonly CallLog log;
    private readonly ConcurrentDictionary<AwsCallKey, long> counts = new();

    public AwsCallCounter(CallLog log)
    {
        this.log = log;
        log.Logged += OnLogged;
    }

    /// <summary>The counts so far.</summary>
    public IReadOnlyDictionary<AwsCallKey, long> Snapshot() => new Dictionary<AwsCallKey, long>(counts);

    /// <summary>What was counted between two snapshots.</summary>
    public static IReadOnlyDictionary<AwsCallKey, long> Between(IReadOnlyDictionary<AwsCallKey, long> earlier, IReadOnlyDictionary<AwsCallKey, long> later) =>
        later.Select(p => (p.Key, Count: p.Value - earlier.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count);

    /// <summary>True for the codes a rate limit answers with.</summary>
    public static bool IsThrottled(AwsCallKey key) => ThrottlingCodes.Contains(key.Outcome);

    public void Dispose() => log.Logged -= OnLogged;

    private void OnLogged(SimCall call) =>
        counts.AddOrUpdate(new AwsCallKey(call.Service, call.Action, call.Outcome), 1, (_, n) => n + 1);
}
