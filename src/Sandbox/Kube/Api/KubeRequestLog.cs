namespace Ebops.Sandbox.Kube.Api;

/// <summary>
/// Every request to a resource URL the emulator received, in order (bounded: the oldest are dropped past
/// <see cref="Capacity"/>). Discovery, OpenAPI and health paths are not resource requests and are not logged. Tests use it
/// to compare what a client used with what its RBAC grants. Thread-safe.
/// </summary>
public sealed class KubeRequestLog(int capacity = 200_000)
{
    private readonly Lock gate = new();
    private readonly Queue<KubeRequest> requests = new();
    private readonly List<(Func<KubeRequest, bool> Match, TaskCompletionSource<KubeRequest> Done)> waiters = [];
    private long sequence;

    public int Capacity { get; } = capacity;

    /// <summary>A snapshot of the log, oldest first.</summary>
    public IReadOnlyList<KubeRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Forgets every request (the sequence keeps counting).</summary>
    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    /// <summary>The first logged request (already in the log, or still to come) that <paramref name="match"/> accepts.</summary>
    public Task<KubeRequest> WaitAsync(Func<KubeRequest, bool> match, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<KubeRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (requests.FirstOrDefault(match) is { } found)
            {
                return Task.FromResult(found);
            }

            waiters.Add((match, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    internal KubeRequest Add(DateTimeOffset time, string verb, RequestTarget target, string userAgent)
    {
        List<TaskCompletionSource<KubeRequest>> matched = [];
        KubeRequest request;
        lock (gate)
        {
            request = new KubeRequest(++sequence, time, verb, target.Group, target.Version, target.Resource, target.Subresource, target.Namespace,
                target.Name, userAgent);
            requests.Enqueue(request);
            while (requests.Count > Capacity)
            {
                requests.Dequeue();
            }

            foreach (var waiter in waiters.Where(w => w.Match(request)).ToList())
            {
                matched.Add(waiter.Done);
                waiters.Remove(waiter);
            }
        }

        matched.ForEach(m => m.TrySetResult(request));
        return request;
    }
}
