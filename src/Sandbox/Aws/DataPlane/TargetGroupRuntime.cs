using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// The data-plane side of an ELBv2 target group: its registered targets (loopback endpoints), real health checks run
/// on a <see cref="TimeProvider"/> timer (so advancing a FakeTimeProvider runs check rounds), the ELBv2 state machine
/// (initial → healthy/unhealthy, draining for the deregistration delay, unused while no load balancer sends traffic),
/// and round-robin selection of a target for the proxies. Like ALB and NLB, when no target is healthy it fails open
/// and spreads traffic over every registered, non-draining target.
/// </summary>
public sealed class TargetGroupRuntime : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TargetEntry> targets = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly HealthProbe probe;
    private readonly CancellationTokenSource stop = new();
    private readonly ITimer timer;
    private HealthCheckSettings settings;
    private bool inUse;
    private int roundRunning;
    private int next;
    private long rounds;
    private Task lastRound = Task.CompletedTask;
    private bool disposed;

    public TargetGroupRuntime(string name, HealthCheckSettings settings, TimeProvider time)
    {
        Name = name;
        this.settings = settings;
        this.time = time;
        probe = new HealthProbe(time);
        timer = time.CreateTimer(static state => ((TargetGroupRuntime)state!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name { get; }

    /// <summary>The NLB connections open to this group's targets (the NLB listener proxy tracks them here).</summary>
    public OpenConnections Connections { get; } = new();

    /// <summary>
    /// <c>deregistration_delay.connection_termination.enabled</c>: when true, the connections still open to a
    /// deregistered target are closed once its deregistration delay has ended.
    /// </summary>
    public bool TerminateConnectionsOnDeregistration { get; set; }

    /// <summary>Completed health-check rounds (tests wait on <see cref="LastRound"/> after advancing time).</summary>
    public long Rounds => Interlocked.Read(ref rounds);

    /// <summary>The round started by the most recent timer tick.</summary>
    public Task LastRound
    {
        get
        {
            lock (gate)
            {
                return lastRound;
            }
        }
    }

    public HealthCheckSettings HealthCheck
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }

        set
        {
            lock (gate)
            {
                settings = value;
                ScheduleLocked();
            }
        }
    }

    /// <summary>
    /// True while a load balancer listener (or an NLB through an alb-type group) sends traffic here. Health checks run
    /// only then; otherwise targets report <c>unused</c> as on AWS.
    /// </summary>
    public bool InUse
    {
        get
        {
            lock (gate)
            {
                return inUse;
            }
        }

        set
        {
            lock (gate)
            {
                if (inUse == value)
                {
                    return;
                }

                inUse = value;
                foreach (var target in targets.Values)
                {
                    if (target.State != TargetHealthStates.Draining)
                    {
                        target.ResetToInitial();
                    }
                }

                ScheduleLocked();
            }
        }
    }

    /// <summary>Registers (or re-registers) a target; it starts in <c>initial</c>.</summary>
    public void Register(string id, IPEndPoint endpoint)
    {
        lock (gate)
        {
            if (targets.TryGetValue(id, out var existing))
            {
                existing.DrainTimer?.Dispose();
                existing.DrainTimer = null;
                existing.Endpoint = endpoint;
                if (existing.State == TargetHealthStates.Draining)
                {
                    existing.ResetToInitial();
                }

                return;
            }

            targets[id] = new TargetEntry(id, endpoint);
        }
    }

    /// <summary>Moves a target to <c>draining</c>; it is removed once <paramref name="delay"/> has passed.</summary>
    /// <returns>False when the target was not registered.</returns>
    public bool Deregister(string id, TimeSpan delay)
    {
        lock (gate)
        {
            if (!targets.TryGetValue(id, out var target))
            {
                return false;
            }

            if (target.State == TargetHealthStates.Draining)
            {
                return true;
            }

            if (delay <= TimeSpan.Zero || !inUse)
            {
                targets.Remove(id);
                EndDeregistration(target.Endpoint);
                return true;
            }

            target.State = TargetHealthStates.Draining;
            target.Reason = TargetHealthStates.DeregistrationInProgress;
            target.Description = TargetHealthStates.DeregistrationInProgressDescription;
            target.DrainTimer = time.CreateTimer(
                _ =>
                {
                    lock (gate)
                    {
                        if (targets.TryGetValue(id, out var t) && t.State == TargetHealthStates.Draining)
                        {
                            targets.Remove(id);
                            t.DrainTimer?.Dispose();
                            EndDeregistration(t.Endpoint);
                        }
                    }
                },
                null,
                delay,
                Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    /// <summary>
    /// The end of a target's deregistration (call under the gate): with connection termination on, its open
    /// connections are closed, unless another registered target has the same endpoint (aborting a socket takes no
    /// lock of this group).
    /// </summary>
    private void EndDeregistration(IPEndPoint endpoint)
    {
        if (TerminateConnectionsOnDeregistration && !targets.Values.Any(t => t.Endpoint.Equals(endpoint)))
        {
            Connections.CloseAll(endpoint);
        }
    }

    /// <summary>True when the target is registered (draining included).</summary>
    public bool IsRegistered(string id)
    {
        lock (gate)
        {
            return targets.ContainsKey(id);
        }
    }

    /// <summary>Ids of the registered targets, draining included.</summary>
    public IReadOnlyList<string> TargetIds()
    {
        lock (gate)
        {
            return [.. targets.Keys];
        }
    }

    /// <summary>Health of every registered target, in registration order.</summary>
    public IReadOnlyList<TargetHealthSnapshot> Describe()
    {
        lock (gate)
        {
            return [.. targets.Values.Select(SnapshotLocked)];
        }
    }

    /// <summary>Health of one target: <c>unused</c>/Target.NotRegistered when it is not registered.</summary>
    public TargetHealthSnapshot Describe(string id, int port)
    {
        lock (gate)
        {
            return targets.TryGetValue(id, out var target)
                ? SnapshotLocked(target)
                : new TargetHealthSnapshot(id, port, TargetHealthStates.Unused, TargetHealthStates.NotRegistered, TargetHealthStates.NotRegisteredDescription);
        }
    }

    /// <summary>Picks the next target round robin among healthy ones, failing open over all non-draining ones; null when none.</summary>
    public IPEndPoint? PickEndpoint()
    {
        lock (gate)
        {
            var healthy = targets.Values.Where(t => t.State == TargetHealthStates.Healthy).ToList();
            var pool = healthy.Count > 0 ? healthy : targets.Values.Where(t => t.State != TargetHealthStates.Draining).ToList();
            if (pool.Count == 0)
            {
                return null;
            }

            var index = (int)((uint)next++ % (uint)pool.Count);
            return pool[index].Endpoint;
        }
    }

    /// <summary>Runs one check round now (the timer does this every interval).</summary>
    public Task RunRoundAsync() => StartRound() ?? LastRound;

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var target in targets.Values)
            {
                target.DrainTimer?.Dispose();
            }
        }

        await timer.DisposeAsync().ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await LastRound.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        probe.Dispose();
        stop.Dispose();
    }

    private void ScheduleLocked()
    {
        if (disposed)
        {
            return;
        }

        var interval = settings.Interval < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : settings.Interval;
        if (inUse)
        {
            timer.Change(interval, interval);
        }
        else
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTick() => StartRound();

    private Task? StartRound()
    {
        if (Interlocked.CompareExchange(ref roundRunning, 1, 0) != 0)
        {
            return null;
        }

        lock (gate)
        {
            if (disposed)
            {
                Volatile.Write(ref roundRunning, 0);
                return null;
            }

            lastRound = RunRoundCoreAsync();
            return lastRound;
        }
    }

    private async Task RunRoundCoreAsync()
    {
        // Let the caller leave the lock before any I/O runs.
        await Task.Yield();
        try
        {
            List<(TargetEntry Target, IPEndPoint Endpoint)> due;
            HealthCheckSettings check;
            lock (gate)
            {
                check = settings;
                due = inUse
                    ? [.. targets.Values.Where(t => t.State != TargetHealthStates.Draining).Select(t => (t, t.Endpoint))]
                    : [];
                foreach (var (target, _) in due)
                {
                    if (target.Reason == TargetHealthStates.RegistrationInProgress)
                    {
                        target.Reason = TargetHealthStates.InitialHealthChecking;
                        target.Description = TargetHealthStates.InitialHealthCheckingDescription;
                    }
                }
            }

            HealthCheckResult[] results;
            try
            {
                results = await Task.WhenAll(due.Select(d => probe.CheckAsync(d.Endpoint, check, stop.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The target group is being deleted: its last round ends quietly (a canceled round would fail whoever
                // waits for the rounds in flight, e.g. a test settling the world as an environment is terminated).
                return;
            }

            lock (gate)
            {
                for (var i = 0; i < due.Count; i++)
                {
                    var target = due[i].Target;
                    if (targets.TryGetValue(target.Id, out var current) && ReferenceEquals(current, target) && target.State != TargetHealthStates.Draining)
                    {
                        target.Apply(results[i], check);
                    }
                }
            }
        }
        finally
        {
            Interlocked.Increment(ref rounds);
            Volatile.Write(ref roundRunning, 0);
        }
    }

    private TargetHealthSnapshot SnapshotLocked(TargetEntry target)
    {
        if (!inUse && target.State != TargetHealthStates.Draining)
        {
            return new TargetHealthSnapshot(target.Id, target.Endpoint.Port, TargetHealthStates.Unused, TargetHealthStates.NotInUse, TargetHealthStates.NotInUseDescription);
        }

        return new TargetHealthSnapshot(target.Id, target.Endpoint.Port, target.State, target.Reason, target.Description);
    }
}
