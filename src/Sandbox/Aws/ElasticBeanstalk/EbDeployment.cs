using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// One application deployment in progress (UpdateEnvironment with a VersionLabel), run on the simulator clock as EB runs
/// it: a queue of steps built by <see cref="EbDeploymentPlan"/> for the DeploymentPolicy. Each step acts on instances and
/// the target group and returns how long until the next step, or null to be polled again (a batch waiting for health).
/// The environment is <c>Updating</c> until the queue is empty (<c>Ready</c>, version deployed) or a batch fails its
/// health checks within the command timeout (<c>Ready</c> with the previous version label; completed batches keep the
/// new version, as on EB). Steps run under <see cref="Core.SimWorld.Gate"/>.
/// </summary>
internal sealed class EbDeployment
{
    private readonly EbDeployments owner;
    private readonly Queue<Func<DateTimeOffset, TimeSpan?>> steps = new();
    private readonly HashSet<EbInstance> detached = [];
    private readonly List<EbInstance> launched = [];
    private readonly Dictionary<string, int> passedChecks = new(StringComparer.Ordinal);
    private readonly ITimer timer;
    private DateTimeOffset healthDeadline;
    private bool ended;

    public EbDeployment(EbDeployments owner, EbEnvironment environment, string versionLabel, string? previousLabel, EbDeploymentSettings settings, string requestId)
    {
        this.owner = owner;
        Environment = environment;
        Originals = [.. environment.Instances];
        VersionLabel = versionLabel;
        PreviousLabel = previousLabel;
        Settings = settings;
        RequestId = requestId;
        timer = owner.World.Time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public EbEnvironment Environment { get; }

    public string VersionLabel { get; }

    public string? PreviousLabel { get; }

    public EbDeploymentSettings Settings { get; }

    public string RequestId { get; }

    /// <summary>Instances that ran the deployment command so far (for "Command execution completed on n of m").</summary>
    public int CompletedInstances { get; private set; }

    /// <summary>The environment's instances when the deployment started, in launch order.</summary>
    public IReadOnlyList<EbInstance> Originals { get; }

    /// <summary>Queues the plan's steps and runs the first ones now (under the gate).</summary>
    public void Start(IEnumerable<Func<DateTimeOffset, TimeSpan?>> plan)
    {
        foreach (var step in plan)
        {
            steps.Enqueue(step);
        }

        Tick();
    }

    /// <summary>A realistic duration on the simulator's time scale.</summary>
    public TimeSpan Scaled(TimeSpan realistic) => owner.World.Timing.Of(realistic);

    public void Event(string message, string severity = "INFO") =>
        owner.Events.Add(owner.World.Time.GetUtcNow(), severity, message, Environment, RequestId);

    /// <summary>Takes the instances out of the target group (draining for the deregistration delay).</summary>
    public TimeSpan Detach(IReadOnlyList<EbInstance> batch)
    {
        foreach (var instance in batch)
        {
            instance.DeploymentStatus = C.DeploymentInProgress;
            detached.Add(instance);
            if (Environment.TargetGroupArn is { } group)
            {
                owner.LoadBalancing.Deregister(group, instance.Id);
            }
        }

        return Scaled(Settings.DeregistrationDelay);
    }

    /// <summary>Registers the instances again and starts the wait for their health.</summary>
    public void Attach(IReadOnlyList<EbInstance> batch, DateTimeOffset now)
    {
        if (Environment.TargetGroupArn is { } group)
        {
            owner.LoadBalancing.Register(group, batch.Where(detached.Contains).Select(i => i.Id));
        }

        detached.ExceptWith(batch);
        BeginHealthWait(now);
    }

    /// <summary>The deployment command starts on the instances (the old version still serves while it stages).</summary>
    public TimeSpan StartCommand(IReadOnlyList<EbInstance> batch)
    {
        foreach (var instance in batch)
        {
            instance.DeploymentStatus = C.DeploymentInProgress;
        }

        return Scaled(C.DeploymentStagingTime);
    }

    /// <summary>The application servers restart: connections are refused until <see cref="Complete"/>.</summary>
    public TimeSpan Restart(IReadOnlyList<EbInstance> batch)
    {
        foreach (var instance in batch)
        {
            owner.Instances.BeginRestart(instance);
        }

        return Scaled(C.AppRestartTime);
    }

    /// <summary>The new version listens on the instances.</summary>
    public void Complete(IReadOnlyList<EbInstance> batch, DateTimeOffset now)
    {
        foreach (var instance in batch)
        {
            owner.Instances.CompleteRestart(instance, VersionLabel, Environment.DeploymentId, now);
        }

        CompletedInstances += batch.Count;
    }

    /// <summary>Launches instances running the new version and registers them with the target group.</summary>
    public IReadOnlyList<EbInstance> Launch(int count, DateTimeOffset now)
    {
        var started = owner.Instances.Launch(Environment, count, VersionLabel, RequestId);
        launched.AddRange(started);
        if (Environment.TargetGroupArn is { } group)
        {
            owner.LoadBalancing.Register(group, started.Select(i => i.Id));
        }

        BeginHealthWait(now);
        return started;
    }

    /// <summary>Stops instances already detached (their servers are disposed outside the gate).</summary>
    public void Remove(IReadOnlyList<EbInstance> retired)
    {
        detached.ExceptWith(retired);
        launched.RemoveAll(retired.Contains);
        foreach (var server in owner.Instances.Remove(Environment, retired, RequestId))
        {
            _ = server.DisposeAsync().AsTask();
        }
    }

    /// <summary>
    /// Polled until every instance of <paramref name="batch"/> passed enough consecutive checks (a healthy target each
    /// time EB's health agent looks: 12 with enhanced health, 1 with basic): returns zero then. Past the command timeout
    /// it carries on (IgnoreHealthCheck) or fails the deployment.
    /// </summary>
    public TimeSpan? AwaitHealthy(IReadOnlyList<EbInstance> batch, string what, DateTimeOffset now)
    {
        var targets = Environment.TargetGroupArn is { } group ? owner.LoadBalancing.Targets(group) ?? [] : [];
        foreach (var instance in batch)
        {
            var healthy = targets.Any(t => t.Id == instance.Id && t.State == TargetHealthStates.Healthy);
            passedChecks[instance.Id] = healthy ? passedChecks.GetValueOrDefault(instance.Id) + 1 : 0;
        }

        var required = Settings.EnhancedHealth ? C.EnhancedHealthChecks : 1;
        if (batch.All(i => passedChecks.GetValueOrDefault(i.Id) >= required))
        {
            return TimeSpan.Zero;
        }

        if (now < healthDeadline)
        {
            return null;
        }

        var unhealthy = string.Join(", ", batch.Where(i => passedChecks.GetValueOrDefault(i.Id) < required).Select(i => i.Id));
        if (Settings.IgnoreHealthCheck)
        {
            Event($"{what}: Instance(s) [{unhealthy}] did not pass health checks within the command timeout; continuing because IgnoreHealthCheck is set.", "WARN");
            return TimeSpan.Zero;
        }

        foreach (var instance in batch)
        {
            instance.DeploymentStatus = C.DeploymentFailed;
        }

        Fail($"{what}: Instance(s) [{unhealthy}] did not pass health checks within the command timeout ({(int)Settings.Timeout.TotalSeconds} seconds).");
        return null;
    }

    /// <summary>
    /// Stops the deployment (AbortEnvironmentUpdate, TerminateEnvironment): restarting instances listen again, detached
    /// ones are registered again, instances it launched are stopped.
    /// </summary>
    public void Cancel()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        timer.Dispose();
        Environment.Deployment = null;
        UndoInstances(reattach: !Environment.IsTerminatingOrTerminated);
    }

    private void BeginHealthWait(DateTimeOffset now)
    {
        passedChecks.Clear();
        healthDeadline = now + Scaled(Settings.Timeout);
    }

    private void Tick()
    {
        lock (owner.World.Gate)
        {
            var now = owner.World.Time.GetUtcNow();
            while (!ended)
            {
                if (steps.Count == 0)
                {
                    Succeed(now);
                    return;
                }

                var next = steps.Peek()(now);
                if (ended)
                {
                    return;
                }

                if (next is not { } delay)
                {
                    timer.Change(EbTimes.Max(Scaled(C.HealthAgentInterval), TimeSpan.FromMilliseconds(10)), Timeout.InfiniteTimeSpan);
                    return;
                }

                steps.Dequeue();
                if (delay > TimeSpan.Zero)
                {
                    timer.Change(delay, Timeout.InfiniteTimeSpan);
                    return;
                }
            }
        }
    }

    private void Succeed(DateTimeOffset now)
    {
        End(now);
        Event("New application version was deployed to running EC2 instances.");
        Event("Environment update completed successfully.");
        Log.DeploymentCompleted(owner.Logger, Environment.Name, VersionLabel);
    }

    private void Fail(string reason)
    {
        var now = owner.World.Time.GetUtcNow();
        End(now);
        UndoInstances(reattach: true);
        Environment.VersionLabel = PreviousLabel;
        Event(reason, "ERROR");
        Event("Failed to deploy application.", "ERROR");
        Event("During an aborted deployment, some instances may have deployed the new application version. To ensure all instances are running the same version, re-deploy the appropriate application version.", "ERROR");
        Event("Update environment operation is complete, but with errors. For more information, see troubleshooting documentation.", "ERROR");
        Log.DeploymentFailed(owner.Logger, Environment.Name, VersionLabel, reason);
    }

    private void End(DateTimeOffset now)
    {
        ended = true;
        steps.Clear();
        timer.Dispose();
        Environment.Deployment = null;
        Environment.OperationEnds = now;
        Environment.Updated = now;
    }

    private void UndoInstances(bool reattach)
    {
        var now = owner.World.Time.GetUtcNow();
        foreach (var instance in Environment.Instances.Where(i => i.Restarting).ToList())
        {
            owner.Instances.CompleteRestart(instance, instance.Server.VersionLabel, instance.DeploymentId, now);
        }

        if (Environment.TargetGroupArn is { } launchedGroup)
        {
            foreach (var instance in launched.Where(i => !detached.Contains(i)))
            {
                owner.LoadBalancing.Deregister(launchedGroup, instance.Id);
            }
        }

        Remove([.. launched]);
        if (reattach && Environment.TargetGroupArn is { } group && detached.Count > 0)
        {
            owner.LoadBalancing.Register(group, detached.Select(i => i.Id));
        }

        detached.Clear();
    }
}
