using Ebops.Sandbox.Aws.DataPlane;
using Ebops.Sandbox.Aws.Elbv2;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Enhanced health from the ALB's checks of the instances: all healthy Green/Ok; some unhealthy Yellow/Warning; half or
/// more Red/Degraded; all Red/Severe; none checked yet Grey/Pending; Grey while launching, Grey/Suspended once
/// terminating. While an update runs, EB suspends its health checks: the colour is Grey and the status Info (worse only
/// when instances outside the deployment fail), and instances in a deployment report Info.
/// </summary>
internal static class EbHealthRules
{
    public static readonly string[] Statuses = [C.NoData, C.Unknown, C.Pending, C.Ok, C.Info, C.Warning, C.Degraded, C.Severe];

    /// <summary>How bad a status is (a transition to a worse one is a WARN event).</summary>
    public static int Rank(string status) => status switch
    {
        C.Ok => 0,
        C.Info => 1,
        C.Pending => 2,
        C.Warning => 3,
        C.Degraded => 4,
        C.Severe => 5,
        _ => 2,
    };

    public static EbHealth Compute(EbEnvironment environment, string status, IReadOnlyList<TargetHealthDescription>? targets)
    {
        var counts = Statuses.ToDictionary(s => s, _ => 0);
        var perInstance = new Dictionary<string, string>(StringComparer.Ordinal);
        if (status is C.Terminating or C.Terminated)
        {
            return new EbHealth(C.Grey, C.Suspended, [], counts, perInstance);
        }

        foreach (var instance in environment.Instances)
        {
            var instanceStatus = status == C.Launching ? C.Pending
                : instance.DeploymentStatus == C.DeploymentInProgress ? C.Info
                : targets?.FirstOrDefault(t => t.Id == instance.Id)?.State switch
            {
                TargetHealthStates.Healthy => C.Ok,
                TargetHealthStates.Unhealthy => C.Severe,
                TargetHealthStates.Initial => C.Pending,
                _ => C.NoData,
            };
            counts[instanceStatus]++;
            perInstance[instance.Id] = instanceStatus;
        }

        if (status == C.Launching)
        {
            return new EbHealth(C.Grey, C.Pending, [], counts, perInstance);
        }

        if (environment.Instances.Count == 0)
        {
            return new EbHealth(C.Grey, C.NoData, [], counts, perInstance);
        }

        var health = FromCounts(environment.Instances.Count, counts, perInstance);
        return status is C.Updating or C.Aborting ? WhileUpdating(environment, health, counts) : health;
    }

    private static EbHealth WhileUpdating(EbEnvironment environment, EbHealth health, Dictionary<string, int> counts)
    {
        var deploying = counts[C.Info];
        var cause = deploying == 0 || deploying == environment.Instances.Count
            ? "Command is executing on all instances."
            : $"Command is executing on {deploying} out of {environment.Instances.Count} instances.";
        var status = Rank(health.HealthStatus) > Rank(C.Pending) ? health.HealthStatus : C.Info;
        return new EbHealth(C.Grey, status, [cause, .. health.Causes], counts, health.InstanceStatus);
    }

    private static EbHealth FromCounts(int total, Dictionary<string, int> counts, Dictionary<string, string> perInstance)
    {
        var severe = counts[C.Severe];
        if (severe > 0)
        {
            var cause = severe == total
                ? "ELB health is failing or not available for all instances."
                : $"ELB health is failing or not available for {severe} out of {total} instances.";
            return severe == total ? new EbHealth(C.Red, C.Severe, [cause], counts, perInstance)
                : severe * 2 >= total ? new EbHealth(C.Red, C.Degraded, [cause], counts, perInstance)
                : new EbHealth(C.Yellow, C.Warning, [cause], counts, perInstance);
        }

        if (counts[C.Ok] == total)
        {
            return new EbHealth(C.Green, C.Ok, [], counts, perInstance);
        }

        return counts[C.Ok] > 0
            ? new EbHealth(C.Green, C.Info, [$"{total - counts[C.Ok]} out of {total} instances are still being checked by the load balancer."], counts, perInstance)
            : new EbHealth(C.Grey, C.Pending, ["Initialization in progress: instances are being checked by the load balancer."], counts, perInstance);
    }
}
