using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The environments' instances on the data plane: one <see cref="InstanceServer"/> each, registered with the
/// environment's target group, answering as the version and the injected faults say.
/// </summary>
internal sealed class EbInstances(SimWorld world, EbLoadBalancing loadBalancing, EbEventLog events)
{
    private readonly InstanceRegistry registry = world.Shared(() => new InstanceRegistry());

    /// <summary>
    /// Starts or stops instances until the environment has <paramref name="count"/>; returns the stopped servers, to be
    /// disposed outside the gate. Scaling events are recorded when <paramref name="requestId"/> is given.
    /// </summary>
    public List<InstanceServer> Scale(EbEnvironment environment, int count, string? requestId)
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var started = Start(environment, count, now);
            if (started.Count > 0 && environment.TargetGroupArn is not null)
            {
                loadBalancing.Register(environment.TargetGroupArn, started);
                if (requestId is not null)
                {
                    events.Add(now, "INFO", $"Added instance [{string.Join(", ", started)}] to your environment.", environment, requestId);
                }
            }

            var stopped = new List<InstanceServer>();
            while (environment.Instances.Count > count)
            {
                var instance = environment.Instances[^1];
                environment.Instances.RemoveAt(environment.Instances.Count - 1);
                if (environment.TargetGroupArn is not null)
                {
                    loadBalancing.Deregister(environment.TargetGroupArn, instance.Id);
                }

                registry.Remove(instance.Id);
                stopped.Add(instance.Server);
                if (requestId is not null)
                {
                    events.Add(now, "INFO", $"Removed instance [{instance.Id}] from your environment.", environment, requestId);
                }
            }

            return stopped;
        }
    }

    /// <summary>Deploys <paramref name="versionLabel"/> to every instance in place, at once (no restart window).</summary>
    public void Deploy(EbEnvironment environment, string versionLabel, DateTimeOffset now)
    {
        lock (world.Gate)
        {
            foreach (var instance in environment.Instances)
            {
                CompleteRestart(instance, versionLabel, environment.DeploymentId, now);
            }
        }
    }

    /// <summary>
    /// Launches <paramref name="count"/> more instances running <paramref name="versionLabel"/> (not registered with
    /// the target group; the caller decides when) and records the scaling event.
    /// </summary>
    public List<EbInstance> Launch(EbEnvironment environment, int count, string versionLabel, string requestId)
    {
        lock (world.Gate)
        {
            var now = world.Time.GetUtcNow();
            var ids = Start(environment, environment.Instances.Count + count, now, versionLabel);
            events.Add(now, "INFO", $"Added instance [{string.Join(", ", ids)}] to your environment.", environment, requestId);
            return [.. environment.Instances.Where(i => ids.Contains(i.Id))];
        }
    }

    /// <summary>
    /// Removes <paramref name="retired"/> from the environment (already deregistered by the caller) and records the
    /// scaling event; returns their servers, to be disposed outside the gate.
    /// </summary>
    public List<InstanceServer> Remove(EbEnvironment environment, IReadOnlyList<EbInstance> retired, string requestId)
    {
        lock (world.Gate)
        {
            foreach (var instance in retired)
            {
                environment.Instances.Remove(instance);
                registry.Remove(instance.Id);
                events.Add(world.Time.GetUtcNow(), "INFO", $"Removed instance [{instance.Id}] from your environment.", environment, requestId);
            }

            return [.. retired.Select(i => i.Server)];
        }
    }

    /// <summary>The application server stops: the instance refuses new and open connections until <see cref="CompleteRestart"/>.</summary>
    public void BeginRestart(EbInstance instance)
    {
        lock (world.Gate)
        {
            instance.Restarting = true;
        }

        instance.Server.ApplyBehavior();
    }

    /// <summary>The application server listens again, running <paramref name="versionLabel"/> as deployment <paramref name="deploymentId"/>.</summary>
    public void CompleteRestart(EbInstance instance, string versionLabel, long deploymentId, DateTimeOffset now)
    {
        lock (world.Gate)
        {
            instance.Restarting = false;
            instance.DeploymentId = deploymentId;
            instance.DeployedAt = now;
            instance.DeploymentStatus = C.DeploymentDeployed;
            instance.Server.Deploy(versionLabel);
        }
    }

    /// <summary>Removes every instance of the environment; returns their disposals, to be awaited outside the gate.</summary>
    public List<ValueTask> StopAll(EbEnvironment environment)
    {
        lock (world.Gate)
        {
            var disposals = new List<ValueTask>();
            foreach (var instance in environment.Instances)
            {
                registry.Remove(instance.Id);
                disposals.Add(instance.Server.DisposeAsync());
            }

            environment.Instances.Clear();
            return disposals;
        }
    }

    /// <summary>Makes every server re-read its behaviour (a fault was injected or cleared).</summary>
    public void ApplyFaults()
    {
        foreach (var server in registry.All)
        {
            server.ApplyBehavior();
        }
    }

    /// <summary>Stops every server of <paramref name="environments"/> (the simulator is shutting down).</summary>
    public async ValueTask StopAllAsync(IReadOnlyList<EbEnvironment> environments)
    {
        List<InstanceServer> servers;
        lock (world.Gate)
        {
            servers = [.. environments.SelectMany(e => e.Instances).Select(i => i.Server)];
            foreach (var environment in environments)
            {
                environment.Instances.Clear();
            }
        }

        foreach (var server in servers)
        {
            registry.Remove(server.InstanceId);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private List<string> Start(EbEnvironment environment, int count, DateTimeOffset now, string? versionLabel = null)
    {
        var label = versionLabel ?? environment.VersionLabel ?? C.SampleApplication;
        var zones = world.Network.DefaultSubnets().Select(s => world.Network.FindSubnet(s)?.AvailabilityZone ?? world.Region + "a").ToList();
        var started = new List<string>();
        while (environment.Instances.Count < count)
        {
            var id = world.Ids.InstanceId();
            EbInstance? instance = null;
            var server = new InstanceServer(id, label, () => BehaviorOf(environment, id, instance), world.Time);
            instance = new EbInstance { Id = id, Server = server, AvailabilityZone = zones[environment.Instances.Count % zones.Count], LaunchedAt = now, DeployedAt = now, DeploymentId = environment.DeploymentId };
            environment.Instances.Add(instance);
            registry.Add(server);
            started.Add(id);
        }

        return started;
    }

    private InstanceBehavior BehaviorOf(EbEnvironment environment, string instanceId, EbInstance? instance)
    {
        if (instance is { Restarting: true })
        {
            return InstanceBehavior.Refuse;
        }

        var failures = world.Faults.InstanceFailuresOf(environment.Id);
        if (failures.Count > 0)
        {
            // "Any one instance" is the first one launched that is still running (deterministic). The lock is taken
            // only while a failure is requested, so healthy traffic never contends on it.
            string? picked;
            lock (world.Gate)
            {
                picked = environment.Instances.FirstOrDefault()?.Id;
            }

            if (failures.Any(f => f.InstanceId == instanceId || (f.InstanceId is null && picked == instanceId)))
            {
                return InstanceBehavior.Http500;
            }
        }

        var version = instance?.Server.VersionLabel ?? environment.VersionLabel;
        return version is null ? InstanceBehavior.Healthy : world.Faults.VersionFault(version) switch
        {
            VersionFaultMode.Http500 => InstanceBehavior.Http500,
            VersionFaultMode.Slow => InstanceBehavior.Slow(EbTimes.Max(world.Timing.Of(C.SlowResponse), C.MinSlowResponse)),
            VersionFaultMode.Refuse => InstanceBehavior.Refuse,
            _ => InstanceBehavior.Healthy,
        };
    }
}
