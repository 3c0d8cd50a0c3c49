using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>
/// What the soak keeps of the simulator's call log as calls are logged (the log itself is cleared after every wave, so
/// that the test process's memory stays the operator's): every successful mutating call, and
/// counts of all calls and of the calls a fault answered. Thread-safe.
/// </summary>
internal sealed class SoakCalls : IDisposable
{
    private readonly Lock gate = new();
    private readonly CallLog log;
    private readonly List<SimCall> mutations = [];
    private long total;
    private long injected;

    public SoakCalls(CallLog log)
    {
        this.log = log;
        log.Logged += OnLogged;
    }

    public long Total => Interlocked.Read(ref total);

    public long Injected => Interlocked.Read(ref injected);

    /// <summary>The successful mutating calls logged since the last call, oldest first.</summary>
    public IReadOnlyList<SimCall> Take()
    {
        lock (gate)
        {
            var taken = mutations.OrderBy(c => c.Sequence).ToList();
            mutations.Clear();
            return taken;
        }
    }

    public void Dispose() => log.Logged -= OnLogged;

    private void OnLogged(SimCall call)
    {
        Interlocked.Increment(ref total);
        if (call.Injected)
        {
            Interlocked.Increment(ref injected);
        }

        if (call.Succeeded && !call.Action.StartsWith("Describe", StringComparison.Ordinal) && !call.Action.StartsWith("List", StringComparison.Ordinal)
            && !call.Action.StartsWith("Get", StringComparison.Ordinal) && !call.Action.StartsWith("Head", StringComparison.Ordinal) && call.Action.Length > 0)
        {
            lock (gate)
            {
                mutations.Add(call);
            }
        }
    }
}
