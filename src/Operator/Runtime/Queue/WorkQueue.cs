namespace Ebops.Operator.Runtime.Queue;

/// <summary>
/// A rate-limited, de-duplicating work queue with controller-runtime semantics:
/// a key is in the queue at most once (dirty set); a key being processed is never handed out again until
/// <see cref="Done"/> (processing set), and a key added meanwhile is re-queued once when it is done;
/// failures back off per key (<see cref="AddRateLimited"/>, reset by <see cref="Forget"/>);
/// <see cref="AddAfter"/> keeps the earliest pending time; an optional resync re-adds every known key periodically
/// (except the keys already due to run before the next resync).
/// All timing goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly object gate = new();
    private readonly Queue<TKey> queue = new();
    private readonly HashSet<TKey> dirty = [];
    private readonly HashSet<TKey> processing = [];
    private readonly Dictionary<TKey, long> addedAt = [];
    private readonly Dictionary<TKey, (DateTimeOffset Due, ITimer Timer)> waiting = [];
    private readonly SemaphoreSlim available = new(0);
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider time;
    private readonly WorkQueueOptions options;
    private readonly IWorkQueueMetrics metrics;
    private readonly Func<double> random;
    private readonly FailureBackoff<TKey> backoff;
    private ITimer? resyncTimer;
    private Func<IEnumerable<TKey>>? resyncSource;
    private bool shuttingDown;

    public WorkQueue(WorkQueueOptions options, TimeProvider time, IWorkQueueMetrics? metrics = null, Func<double>? random = null)
    {
        this.options = options;
        this.time = time;
        this.metrics = metrics ?? IWorkQueueMetrics.None;
        this.random = random ?? Random.Shared.NextDouble;
        backoff = new FailureBackoff<TKey>(options, this.random);
    }

    /// <summary>Keys waiting to be handed out (not counting delayed or in-flight keys).</summary>
    public int Depth
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Keys currently being processed by a worker.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return processing.Count;
            }
        }
    }

    /// <summary>Keys with a pending <see cref="AddAfter"/> or backoff timer.</summary>
    public int Delayed
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (gate)
            {
                return shuttingDown;
            }
        }
    }

    /// <summary>Queues the key now unless it is already queued; a key in flight is queued again when it is done.</summary>
    public void Add(TKey key)
    {
        lock (gate)
        {
            AddLocked(key);
        }
    }

    /// <summary>Queues the key after <paramref name="delay"/>; when a pending delay already ends sooner, that one wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            var due = time.GetUtcNow() + delay;
            if (waiting.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            var timer = time.CreateTimer(static state => ((Action)state!)(), (Action)(() => Fire(key, due)), delay, Timeout.InfiniteTimeSpan);
            waiting[key] = (due, timer);
        }
    }

    /// <summary>Records a failure of the key and queues it after its exponential backoff delay.</summary>
    public TimeSpan AddRateLimited(TKey key)
    {
        TimeSpan delay;
        lock (gate)
        {
            delay = backoff.Next(key);
        }

        metrics.IncrementRetries();
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the key's failure count (call after a successful reconcile).</summary>
    public void Forget(TKey key)
    {
        lock (gate)
        {
            backoff.Forget(key);
        }
    }

    /// <summary>How many consecutive failures the key has had since the last <see cref="Forget"/>.</summary>
    public int NumRequeues(TKey key)
    {
        lock (gate)
        {
            return backoff.Failures(key);
        }
    }

    /// <summary>
    /// Waits for the next key and marks it in flight; returns null once the queue is shutting down
    /// (queued keys are then left untaken: they are re-listed by whoever runs next).
    /// </summary>
    public async ValueTask<WorkItem<TKey>?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (gate)
            {
                if (shuttingDown)
                {
                    return null;
                }
            }

            await available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                if (shuttingDown)
                {
                    return null;
                }

                if (!queue.TryDequeue(out var key))
                {
                    continue;
                }

                dirty.Remove(key);
                processing.Add(key);
                var waited = addedAt.Remove(key, out var since) ? time.GetElapsedTime(since) : TimeSpan.Zero;
                metrics.SetDepth(queue.Count);
                metrics.ObserveQueueDuration(waited);
                return new WorkItem<TKey>(key, waited);
            }
        }
    }

    /// <summary>Marks the key no longer in flight; when it was added while in flight, it is queued again now.</summary>
    public void Done(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (dirty.Contains(key) && !shuttingDown)
            {
                Enqueue(key);
            }

            if (shuttingDown && processing.Count == 0)
            {
                drained.TrySetResult();
            }
        }
    }

    /// <summary>Re-adds every key <paramref name="knownKeys"/> returns, every ResyncPeriod (with jitter), unless a pending
    /// <see cref="AddAfter"/> queues it within a ResyncPeriod anyway.</summary>
    public void StartResync(Func<IEnumerable<TKey>> knownKeys)
    {
        if (options.ResyncPeriod is not { } period || period <= TimeSpan.Zero)
        {
            return;
        }

        lock (gate)
        {
            resyncSource = knownKeys;
            ScheduleResyncLocked(period);
        }
    }

    /// <summary>
    /// Stops handing out keys and accepting new ones, then waits until every in-flight key is Done or
    /// <paramref name="deadline"/> passes. Returns true when everything in flight finished in time.
    /// </summary>
    public async Task<bool> ShutDownAsync(TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!shuttingDown)
            {
                shuttingDown = true;
                resyncTimer?.Dispose();
                foreach (var (_, pending) in waiting)
                {
                    pending.Timer.Dispose();
                }

                waiting.Clear();
                // Wake every waiting taker so it sees the shutdown.
                available.Release(1024);
            }

            if (processing.Count == 0)
            {
                drained.TrySetResult();
            }
        }

        try
        {
            await drained.Task.WaitAsync(deadline, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            resyncTimer?.Dispose();
            foreach (var (_, pending) in waiting)
            {
                pending.Timer.Dispose();
            }

            waiting.Clear();
        }
    }

    private void Fire(TKey key, DateTimeOffset due)
    {
        lock (gate)
        {
            // A later, sooner AddAfter replaced this timer; only the current one queues the key.
            if (!waiting.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            pending.Timer.Dispose();
            waiting.Remove(key);
            AddLocked(key);
        }
    }

    private void AddLocked(TKey key)
    {
        if (shuttingDown || !dirty.Add(key))
        {
            return;
        }

        if (processing.Contains(key))
        {
            // Re-queued by Done: the same key never runs twice at once.
            return;
        }

        Enqueue(key);
    }

    private void Enqueue(TKey key)
    {
        queue.Enqueue(key);
        addedAt[key] = time.GetTimestamp();
        metrics.SetDepth(queue.Count);
        available.Release();
    }

    private void ScheduleResyncLocked(TimeSpan period)
    {
        resyncTimer?.Dispose();
        var next = TimeSpan.FromTicks((long)(period.Ticks * (1 + options.Jitter * random())));
        resyncTimer = time.CreateTimer(_ => Resync(period), null, next, Timeout.InfiniteTimeSpan);
    }

    private void Resync(TimeSpan period)
    {
        Func<IEnumerable<TKey>>? source;
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            source = resyncSource;
        }

        var keys = source?.Invoke().ToList() ?? [];
        lock (gate)
        {
            // A key whose requeue (a poll) comes before the next resync is reconciled by then anyway: re-adding it now
            // would reconcile it twice in one period for nothing.
            var before = time.GetUtcNow() + period;
            foreach (var key in keys)
            {
                if (!waiting.TryGetValue(key, out var pending) || pending.Due > before)
                {
                    AddLocked(key);
                }
            }

            if (!shuttingDown)
            {
                ScheduleResyncLocked(period);
            }
        }
    }
}
