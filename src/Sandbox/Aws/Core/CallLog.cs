namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Every API call the simulator answered, in order (bounded: the oldest are dropped past <see cref="Capacity"/>).
/// Tests use it to assert exactly which calls a component made. Thread-safe.
/// </summary>
public sealed class CallLog(int capacity = 100_000)
{
    private readonly Lock gate = new();
    private readonly LinkedList<SimCall> calls = new();
    private long sequence;

    public int Capacity { get; } = capacity;

    /// <summary>
    /// Raised for every call once it is logged, on the request's thread and before its response is written (a test can
    /// act "right after" a call took effect, e.g. stop the client that made it before it learns the outcome).
    /// </summary>
    public event Action<SimCall>? Logged;

    /// <summary>A snapshot of every call logged so far, oldest first.</summary>
    public IReadOnlyList<SimCall> All
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The calls to a service (and action, when given), oldest first.</summary>
    public IReadOnlyList<SimCall> Find(string? service = null, string? action = null) =>
        [.. All.Where(c => (service is null || c.Service == service) && (action is null || c.Action == action))];

    /// <summary>Actions called on a service, in order; handy for <c>Assert.Equal([...], log.Actions("rds"))</c>.</summary>
    public IReadOnlyList<string> Actions(string? service = null) => [.. Find(service).Select(c => c.Action)];

    /// <summary>Forgets every call (the sequence keeps counting).</summary>
    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    /// <summary>Appends a call; parameters must already be redacted.</summary>
    internal SimCall Add(DateTimeOffset time, string service, string action, IReadOnlyDictionary<string, string> parameters,
        string outcome, int statusCode, string requestId, bool injected)
    {
        SimCall call;
        lock (gate)
        {
            call = new SimCall(++sequence, time, service, action, parameters, outcome, statusCode, requestId, injected);
            calls.AddLast(call);
            while (calls.Count > Capacity)
            {
                calls.RemoveFirst();
            }
        }

        Logged?.Invoke(call);
        return call;
    }
}
