using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>The events EB records for an environment's operations, dated across the operation as its steps happen.</summary>
internal sealed class EnvironmentEvents(SimWorld world, EbEventLog events)
{
    public void Launching(EbEnvironment environment, string requestId)
    {
        var start = environment.OperationStarted;
        var span = environment.OperationEnds - start;
        DateTimeOffset At(double fraction) => start + (span * fraction);
        Add(start, "createEnvironment is starting.");
        Add(At(0.02), $"Using elasticbeanstalk-{world.Region}-{world.AccountId} as Amazon S3 storage bucket for environment data.");
        Add(At(0.1), $"Created security group named: {environment.LoadBalancerSecurityGroup}");
        Add(At(0.15), $"Created target group named: {environment.TargetGroupArn}");
        Add(At(0.2), $"Created security group named: {environment.InstanceSecurityGroup}");
        Add(At(0.3), $"Created Auto Scaling launch configuration named: {environment.LaunchTemplateId}");
        Add(At(0.4), $"Created Auto Scaling group named: {environment.AutoScalingGroup}");
        Add(At(0.45), "Waiting for EC2 instances to launch. This may take a few minutes.");
        Add(At(0.6), $"Created load balancer named: {environment.LoadBalancerArn}");
        Add(At(0.65), "Created Load Balancer listener named: HTTP:80");
        Add(At(0.9), "Instance deployment completed successfully.");
        Add(environment.OperationEnds, $"Application available at {environment.Cname}.");
        Add(environment.OperationEnds, $"Successfully launched environment: {environment.Name}");
        Add(environment.OperationEnds, "createEnvironment completed successfully.");

        void Add(DateTimeOffset date, string message) => events.Add(date, "INFO", message, environment, requestId);
    }

    public void UpdateStarting(EbEnvironment environment, string requestId) =>
        events.Add(environment.OperationStarted, "INFO", "Environment update is starting.", environment, requestId);

    public void Updated(EbEnvironment environment, string requestId) =>
        events.Add(environment.OperationEnds, "INFO", "Environment update completed successfully.", environment, requestId);

    public void Aborting(EbEnvironment environment, string requestId)
    {
        events.Add(environment.OperationStarted, "INFO", "Aborting environment update: rolling back to the previous configuration.", environment, requestId);
        events.Add(environment.OperationEnds, "INFO", "Environment update was aborted; the environment runs its previous configuration.", environment, requestId);
    }

    public void Terminating(EbEnvironment environment, string requestId)
    {
        events.Add(environment.OperationStarted, "INFO", "terminateEnvironment is starting.", environment, requestId);
        events.Add(environment.OperationStarted, "INFO", "Waiting for EC2 instances to terminate. This may take a few minutes.", environment, requestId);
        events.Add(environment.OperationEnds, "INFO", $"Deleted security group named: {environment.InstanceSecurityGroup}", environment, requestId);
        events.Add(environment.OperationEnds, "INFO", "terminateEnvironment completed successfully.", environment, requestId);
    }

    public void Swapped(EbEnvironment source, EbEnvironment destination, DateTimeOffset now, string requestId)
    {
        foreach (var environment in new[] { source, destination })
        {
            events.Add(now, "INFO", "swapEnvironmentCNAMEs is starting.", environment, requestId);
            events.Add(now, "INFO", $"Completed swapping CNAMEs for environments '{source.Name}' and '{destination.Name}'.", environment, requestId);
        }
    }
}
