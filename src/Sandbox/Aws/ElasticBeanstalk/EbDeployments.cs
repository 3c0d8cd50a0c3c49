using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Starts and cancels application deployments (<see cref="EbDeployment"/>) and gives them what they act on: the
/// instances, the environment's target group, the event log and the clock.
/// </summary>
internal sealed class EbDeployments(SimWorld world, EbInstances instances, EbLoadBalancing loadBalancing, EbEventLog events, ILogger log)
{
    public SimWorld World => world;

    public EbInstances Instances => instances;

    public EbLoadBalancing LoadBalancing => loadBalancing;

    public EbEventLog Events => events;

    public ILogger Logger => log;

    /// <summary>Refuses a configuration whose deployment policy the simulator does not run.</summary>
    public static void CheckSupported(IReadOnlyList<EbOptionSetting> options)
    {
        if (EbDeploymentSettings.From(options).Policy == C.TrafficSplitting)
        {
            throw EbErrors.Invalid("DeploymentPolicy 'TrafficSplitting' is not supported by this simulator (AllAtOnce, Rolling, RollingWithAdditionalBatch and Immutable are).");
        }
    }

    /// <summary>
    /// Deploys <paramref name="versionLabel"/> to an environment that was just set <c>Updating</c> (under the gate):
    /// the environment stays Updating until the deployment ends. On an instant time scale the version is deployed at
    /// once, everywhere.
    /// </summary>
    public void Start(EbEnvironment environment, string versionLabel, string? previousLabel, string requestId)
    {
        lock (world.Gate)
        {
            environment.DeploymentId++;
            var now = world.Time.GetUtcNow();
            if (world.Timing.Scale == 0)
            {
                instances.Deploy(environment, versionLabel, now);
                events.Add(now, "INFO", "Deploying new version to instance(s).", environment, requestId);
                events.Add(now, "INFO", "New application version was deployed to running EC2 instances.", environment, requestId);
                events.Add(now, "INFO", "Environment update completed successfully.", environment, requestId);
                return;
            }

            var settings = EbDeploymentSettings.From(environment.Options);
            environment.OperationEnds = DateTimeOffset.MaxValue;
            var deployment = new EbDeployment(this, environment, versionLabel, previousLabel, settings, requestId);
            environment.Deployment = deployment;
            Log.DeploymentStarted(log, environment.Name, versionLabel, settings.Policy, settings.Batches(environment.Instances).Count);
            deployment.Start(EbDeploymentPlan.For(deployment));
        }
    }

    /// <summary>Stops the environment's deployment in progress, if any (under the gate).</summary>
    public void Cancel(EbEnvironment environment)
    {
        lock (world.Gate)
        {
            environment.Deployment?.Cancel();
        }
    }
}
