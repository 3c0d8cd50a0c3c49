namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Fault injection for the whole simulated account, in process (this class) and over HTTP (<c>/_sim/faults</c>).
/// <list type="bullet">
/// <item>API faults (<see cref="FaultRule"/>: throttling, 5xx, latency, outage windows) are applied by the front end
/// before a handler runs; handlers do nothing for them.</item>
/// <item>Eventual consistency: a handler calls <see cref="NoteCreated"/> when it creates a resource and
/// <see cref="IsHidden"/> when a describe names it by id; while hidden it answers "not found" as AWS would right after
/// a create. The window is per service (<see cref="SetConsistencyWindow"/>).</item>
/// <item>Data-plane faults are recorded here and read by the Elastic Beanstalk data plane: <see cref="BreakVersion"/>
/// (a green that never becomes healthy) and <see cref="FailInstance"/> (an instance failing during the bake).
/// <see cref="Changed"/> fires after any change so the data plane can react at once.</item>
/// </list>
/// Randomness comes from a seeded <see cref="Random"/> so a test with the same seed and calls sees the same faults.
/// Thread-safe.
/// </summary>
public sealed class FaultInjector(TimeProvider time, int seed = 1)
{
    private readonly Lock gate = new();
    private readonly Random random = new(seed);
    private readonly List<FaultRule> rules = [];
    private readonly Dictionary<FaultRule, int> hits = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, TimeSpan> consistencyWindows = new(StringComparer.Ordinal);
    private static readonly TimeSpan CreationMemory = TimeSpan.FromHours(1);
    private readonly Dictionary<(string Service, string Id), DateTimeOffset> createdAt = [];
    private readonly Dictionary<string, VersionFaultMode> brokenVersions = new(StringComparer.Ordinal);
    private readonly List<InstanceFailure> instanceFailures = [];
    private DateTimeOffset oldestCreation;
    private int nextId;
    private int delaying;

    /// <summary>Raised (outside the lock) after any change to rules, version faults or instance failures.</summary>
    public event Action? Changed;

    /// <summary>The active rules, in the order they were added.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (gate)
            {
                return [.. rules];
            }
        }
    }

    /// <summary>Adds a rule; returns it with its assigned <see cref="FaultRule.Id"/>.</summary>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Fraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Fraction must be within 0..1");
        }

        FaultRule added;
        lock (gate)
        {
            added = rule with { Id = "f-" + ++nextId };
            rules.Add(added);
        }

        Changed?.Invoke();
        return added;
    }

    /// <summary>Removes a rule by id; false when there is none.</summary>
    public bool Remove(string ruleId)
    {
        bool removed;
        lock (gate)
        {
            removed = rules.RemoveAll(r => r.Id == ruleId) > 0;
        }

        if (removed)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>Removes every fault: rules, consistency windows, broken versions, instance failures.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            hits.Clear();
            consistencyWindows.Clear();
            brokenVersions.Clear();
            instanceFailures.Clear();
        }

        Changed?.Invoke();
    }

    /// <summary>Makes resources of <paramref name="service"/> invisible to describes for <paramref name="window"/> after
    /// their creation (TimeSpan.Zero turns it off).</summary>
    public void SetConsistencyWindow(string service, TimeSpan window)
    {
        lock (gate)
        {
            if (window <= TimeSpan.Zero)
            {
                consistencyWindows.Remove(service);
            }
            else
            {
                consistencyWindows[service] = window;
            }
        }

        Changed?.Invoke();
    }

    /// <summary>The consistency windows per service.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ConsistencyWindows
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, TimeSpan>(consistencyWindows);
            }
        }
    }

    /// <summary>Handlers call this when they create a resource (id = the identifier describes use).</summary>
    public void NoteCreated(string service, string resourceId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            // Only creations a window can still hide are kept: those of the last hour, or of the longest window set.
            var keep = consistencyWindows.Values.Append(CreationMemory).Max();
            if (createdAt.Count > 0 && oldestCreation < now - keep)
            {
                foreach (var stale in createdAt.Where(c => c.Value < now - keep).Select(c => c.Key).ToList())
                {
                    createdAt.Remove(stale);
                }

                oldestCreation = createdAt.Count == 0 ? now : createdAt.Values.Min();
            }

            oldestCreation = createdAt.Count == 0 ? now : oldestCreation;
            createdAt[(service, resourceId)] = now;
        }
    }

    /// <summary>How many creations are remembered for eventual consistency.</summary>
    public int RememberedCreations
    {
        get
        {
            lock (gate)
            {
                return createdAt.Count;
            }
        }
    }

    /// <summary>True while a describe of this freshly created resource must answer "not found".</summary>
    public bool IsHidden(string service, string resourceId)
    {
        lock (gate)
        {
            return consistencyWindows.TryGetValue(service, out var window)
                && createdAt.TryGetValue((service, resourceId), out var created)
                && time.GetUtcNow() < created + window;
        }
    }

    /// <summary>Marks an application version as broken on the data plane (EB instances running it misbehave).</summary>
    public void BreakVersion(string versionLabel, VersionFaultMode mode)
    {
        lock (gate)
        {
            brokenVersions[versionLabel] = mode;
        }

        Changed?.Invoke();
    }

    /// <summary>Undoes <see cref="BreakVersion"/>.</summary>
    public void FixVersion(string versionLabel)
    {
        lock (gate)
        {
            brokenVersions.Remove(versionLabel);
        }

        Changed?.Invoke();
    }

    /// <summary>How a version is broken, or null when it is healthy.</summary>
    public VersionFaultMode? VersionFault(string versionLabel)
    {
        lock (gate)
        {
            return brokenVersions.TryGetValue(versionLabel, out var mode) ? mode : null;
        }
    }

    /// <summary>Every broken version.</summary>
    public IReadOnlyDictionary<string, VersionFaultMode> BrokenVersions
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, VersionFaultMode>(brokenVersions);
            }
        }
    }

    /// <summary>Makes one instance of an environment fail (instanceId null: the data plane picks one).</summary>
    public void FailInstance(string environmentId, string? instanceId = null)
    {
        lock (gate)
        {
            instanceFailures.Add(new InstanceFailure(environmentId, instanceId, time.GetUtcNow()));
        }

        Changed?.Invoke();
    }

    /// <summary>Clears the instance failures of an environment.</summary>
    public void RecoverInstances(string environmentId)
    {
        lock (gate)
        {
            instanceFailures.RemoveAll(f => f.EnvironmentId == environmentId);
        }

        Changed?.Invoke();
    }

    /// <summary>Requested instance failures, oldest first.</summary>
    public IReadOnlyList<InstanceFailure> InstanceFailures
    {
        get
        {
            lock (gate)
            {
                return [.. instanceFailures];
            }
        }
    }

    /// <summary>The instance failures requested for one environment.</summary>
    public IReadOnlyList<InstanceFailure> InstanceFailuresOf(string environmentId) =>
        [.. InstanceFailures.Where(f => f.EnvironmentId == environmentId)];

    /// <summary>
    /// Calls held right now by an injected latency (<see cref="FaultKind.Latency"/>): they wait on the world's clock, so a
    /// caller driving a fake clock knows these calls progress only when it moves the clock.
    /// </summary>
    public int Delaying => Volatile.Read(ref delaying);

    /// <summary>
    /// Holds one call for <paramref name="delay"/> on the world's clock, counted in <see cref="Delaying"/> until the
    /// timer fires (the count drops inside the timer's callback, before the call resumes).
    /// </summary>
    internal async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref delaying);
            }
        }

        Interlocked.Increment(ref delaying);
        await using var timer = time.CreateTimer(_ =>
        {
            Release();
            done.TrySetResult();
        }, null, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(() =>
        {
            Release();
            done.TrySetCanceled(cancellationToken);
        });
        await done.Task.ConfigureAwait(false);
    }

    /// <summary>Decides the fate of one call (front end only). The first failing rule wins; latencies add up.</summary>
    internal FaultDecision Decide(string service, string action)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var delay = TimeSpan.Zero;
            FaultRule? failure = null;
            foreach (var rule in rules)
            {
                if ((rule.Service is not null && rule.Service != service)
                    || (rule.Action is not null && rule.Action != action)
                    || (rule.From is { } from && now < from)
                    || (rule.Until is { } until && now >= until)
                    || (rule.Count is { } count && hits.GetValueOrDefault(rule) >= count))
                {
                    continue;
                }

                if (rule.Kind == FaultKind.Latency)
                {
                    if (Draw(rule.Fraction))
                    {
                        delay += rule.Latency;
                        hits[rule] = hits.GetValueOrDefault(rule) + 1;
                    }

                    continue;
                }

                if (failure is null && (rule.Kind == FaultKind.Outage || Draw(rule.Fraction)))
                {
                    failure = rule;
                    hits[rule] = hits.GetValueOrDefault(rule) + 1;
                }
            }

            return new FaultDecision(delay, failure);
        }
    }

    private bool Draw(double fraction) => fraction >= 1 || (fraction > 0 && random.NextDouble() < fraction);
}
