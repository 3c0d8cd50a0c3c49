using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The steps of a deployment for each DeploymentPolicy, as the EB developer guide ("Deployment policies and settings")
/// describes them. Each step returns the delay before the next one, or null to be polled again.
/// <list type="bullet">
/// <item><b>AllAtOnce</b>: the command runs on every instance at once; the instances stay registered, so while the
/// application servers restart the ALB's requests to them fail (502).</item>
/// <item><b>Rolling</b>: per batch, the instances are deregistered (draining for the deregistration delay), the new
/// version is deployed and the server restarted, the instances are registered again, and EB waits until they are
/// healthy before the next batch.</item>
/// <item><b>RollingWithAdditionalBatch</b>: a batch of new instances with the new version is launched first, then the
/// existing instances roll batch by batch, then the additional batch is terminated.</item>
/// <item><b>Immutable</b>: one new instance with the new version, then the rest (all registered with the ALB as they
/// come up); once they are healthy the old instances are deregistered and terminated.</item>
/// </list>
/// Batch events follow EB's wording (<c>Batch 1: Starting application deployment on instance(s) [i-…].</c>, …).
/// </summary>
internal static class EbDeploymentPlan
{
    public static IEnumerable<Func<DateTimeOffset, TimeSpan?>> For(EbDeployment d) => d.Originals.Count == 0 ? AllAtOnce(d) : d.Settings.Policy switch
    {
        C.Rolling => Rolling(d, d.Settings.Batches(d.Originals)),
        C.RollingWithAdditionalBatch => AdditionalBatch(d),
        C.Immutable => Immutable(d),
        _ => AllAtOnce(d),
    };

    private static IEnumerable<Func<DateTimeOffset, TimeSpan?>> AllAtOnce(EbDeployment d)
    {
        var all = d.Originals;
        yield return _ =>
        {
            d.Event("Deploying new version to instance(s).");
            return d.StartCommand(all);
        };
        yield return _ => d.Restart(all);
        yield return now =>
        {
            d.Complete(all, now);
            d.Event("Instance deployment completed successfully.");
            d.Event($"Command execution completed on all instances. Summary: [Successful: {all.Count}].");
            return TimeSpan.Zero;
        };
    }

    private static IEnumerable<Func<DateTimeOffset, TimeSpan?>> Rolling(EbDeployment d, IReadOnlyList<IReadOnlyList<EbInstance>> batches)
    {
        yield return _ =>
        {
            d.Event("Deploying new version to instance(s).");
            return TimeSpan.Zero;
        };
        for (var i = 0; i < batches.Count; i++)
        {
            foreach (var step in Batch(d, $"Batch {i + 1}", batches[i]))
            {
                yield return step;
            }
        }
    }

    // One rolling batch: detach and drain, run the command (stage, restart), attach, wait until healthy.
    private static IEnumerable<Func<DateTimeOffset, TimeSpan?>> Batch(EbDeployment d, string name, IReadOnlyList<EbInstance> batch)
    {
        yield return _ =>
        {
            d.Event($"{name}: Starting application deployment on instance(s) [{Ids(batch)}].");
            d.Event($"{name}: De-registering instance(s) from the load balancer and waiting for them to go out of service.");
            return d.Detach(batch);
        };
        yield return _ =>
        {
            d.Event($"{name}: Starting application deployment command execution.");
            return d.StartCommand(batch);
        };
        yield return _ => d.Restart(batch);
        yield return now =>
        {
            d.Complete(batch, now);
            d.Event("Instance deployment completed successfully.");
            d.Event($"{name}: Completed application deployment command execution.");
            d.Event($"Command execution completed on {d.CompletedInstances} of {d.Originals.Count} instances in environment.");
            d.Event($"{name}: Registering instance(s) with the load balancer and waiting for them to be healthy.");
            d.Attach(batch, now);
            return TimeSpan.Zero;
        };
        yield return now => Healthy(d, name, batch, now, $"{name}: Completed application deployment.");
    }

    private static IEnumerable<Func<DateTimeOffset, TimeSpan?>> AdditionalBatch(EbDeployment d)
    {
        var batches = d.Settings.Batches(d.Originals);
        var size = d.Settings.BatchSizeFor(d.Originals.Count);
        IReadOnlyList<EbInstance> extra = [];
        yield return _ =>
        {
            d.Event($"Launching an additional batch of {size} instance(s) with the new application version before taking instances out of service.");
            return d.Scaled(C.InstanceLaunchTime);
        };
        yield return now =>
        {
            extra = d.Launch(size, now);
            return TimeSpan.Zero;
        };
        yield return now => Healthy(d, "Additional batch", extra, now, "Additional batch: instance(s) healthy.");
        foreach (var step in Rolling(d, batches))
        {
            yield return step;
        }

        yield return _ =>
        {
            d.Event($"Terminating the additional batch of instance(s) [{Ids(extra)}].");
            return d.Detach(extra);
        };
        yield return _ =>
        {
            d.Remove(extra);
            return TimeSpan.Zero;
        };
    }

    private static IEnumerable<Func<DateTimeOffset, TimeSpan?>> Immutable(EbDeployment d)
    {
        var old = d.Originals;
        var group = $"{d.Environment.StackName}-immutable-AWSEBAutoScalingGroup";
        IReadOnlyList<EbInstance> fresh = [];
        yield return _ =>
        {
            d.Event("Immutable deployment policy enabled. Launching one instance with the new settings to verify health.");
            d.Event($"Created temporary auto scaling group {group}.");
            return d.Scaled(C.InstanceLaunchTime);
        };
        yield return now =>
        {
            fresh = d.Launch(1, now);
            return TimeSpan.Zero;
        };
        yield return now => Healthy(d, "Immutable deployment", fresh, now, "Instance deployment completed successfully.");
        if (old.Count > 1)
        {
            yield return _ =>
            {
                d.Event($"Launching {old.Count - 1} more instance(s) with the new settings in the temporary auto scaling group.");
                return d.Scaled(C.InstanceLaunchTime);
            };
            yield return now =>
            {
                fresh = d.Launch(old.Count - 1, now);
                return TimeSpan.Zero;
            };
            yield return now => Healthy(d, "Immutable deployment", fresh, now, "Instance deployment completed successfully.");
        }

        yield return _ =>
        {
            d.Event($"Detached new EC2 instance(s) from temporary auto scaling group {group}.");
            d.Event($"Attached new EC2 instance(s) to the permanent auto scaling group {d.Environment.AutoScalingGroup}.");
            d.Event("Deployment succeeded. Terminating old instances and temporary Auto Scaling group.");
            return d.Detach(old);
        };
        yield return _ =>
        {
            d.Remove(old);
            d.Event($"Deleted temporary auto scaling group {group}.");
            return TimeSpan.Zero;
        };
    }

    private static TimeSpan? Healthy(EbDeployment d, string name, IReadOnlyList<EbInstance> batch, DateTimeOffset now, string done)
    {
        var result = d.AwaitHealthy(batch, name, now);
        if (result == TimeSpan.Zero)
        {
            d.Event(done);
        }

        return result;
    }

    private static string Ids(IEnumerable<EbInstance> instances) => string.Join(", ", instances.Select(i => i.Id));
}
