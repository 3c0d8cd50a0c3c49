using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Builds and removes what an environment runs on: two security groups (load balancer, instances) in the EC2
/// simulation, an ALB <c>awseb-AWSEB-…</c> with an instance target group and an HTTP:80 listener in the ELBv2
/// simulation, and the instance servers. A create that fails part-way rolls back what it built, as EB's stack does.
/// </summary>
internal sealed class EnvironmentProvisioner(SimWorld world, EbLoadBalancing loadBalancing, EbInstances instances, EbEventLog events, ILogger log)
{
    /// <summary>Builds the environment's resources with <paramref name="count"/> instances (under the gate).</summary>
    public void Provision(EbEnvironment environment, int count)
    {
        lock (world.Gate)
        {
            try
            {
                Build(environment, count);
            }
            catch
            {
                var disposals = instances.StopAll(environment);
                disposals.Add(DeleteLoadBalancingAsync(environment, environment.LoadBalancerArn, environment.TargetGroupArn, null));
                foreach (var group in new[] { environment.InstanceSecurityGroup, environment.LoadBalancerSecurityGroup })
                {
                    DeleteSecurityGroup(environment, group, null);
                }

                _ = Task.WhenAll(disposals.Select(d => d.AsTask()));
                throw;
            }
        }
    }

    /// <summary>Applies the environment's (changed) default process options to its target group.</summary>
    public void Reconfigure(EbEnvironment environment)
    {
        if (environment.TargetGroupArn is not null)
        {
            loadBalancing.Reconfigure(environment.TargetGroupArn, EbOptionSettings.TargetGroup(environment.Options));
        }
    }

    /// <summary>
    /// Deletes the load balancer, target group and security groups of a terminating environment (its instances are
    /// already stopped). As on AWS, an ALB still registered behind an NLB cannot be deleted: the environment
    /// terminates anyway and the failure shows up as an ERROR event.
    /// </summary>
    public async ValueTask DeprovisionAsync(EbEnvironment environment, EbEnvironmentResources resources, string requestId)
    {
        await DeleteLoadBalancingAsync(environment, resources.LoadBalancerArn, resources.TargetGroupArn, requestId).ConfigureAwait(false);
        DeleteSecurityGroup(environment, resources.InstanceSecurityGroup, requestId);
        DeleteSecurityGroup(environment, resources.LoadBalancerSecurityGroup, requestId);
    }

    private void Build(EbEnvironment environment, int count)
    {
        var options = environment.Options;
        foreach (var securityGroup in EbOptionSettings.Ids(options, C.LaunchConfigurationNamespace, "SecurityGroups"))
        {
            if (!world.Network.SecurityGroupExists(securityGroup))
            {
                throw EbErrors.Invalid($"The security group '{securityGroup}' does not exist");
            }
        }

        var subnets = EbOptionSettings.Ids(options, C.VpcNamespace, "ELBSubnets") is { Count: > 0 } elbSubnets
            ? elbSubnets
            : EbOptionSettings.Ids(options, C.VpcNamespace, "Subnets") is { Count: > 0 } instanceSubnets ? instanceSubnets : world.Network.DefaultSubnets();
        var vpc = EbOptionSettings.Value(options, C.VpcNamespace, "VPCId")
            ?? world.Network.FindSubnet(subnets[0])?.VpcId
            ?? throw EbErrors.Invalid($"The subnet '{subnets[0]}' does not exist");
        CreateSecurityGroups(environment, vpc);

        List<KeyValuePair<string, string>> tags =
        [
            new(C.TagEnvironmentName, environment.Name),
            new(C.TagEnvironmentId, environment.Id),
            new("aws:cloudformation:stack-name", environment.StackName),
            new("Name", environment.Name),
        ];
        (environment.LoadBalancerArn, environment.LoadBalancerDns) = loadBalancing.CreateLoadBalancer(
            $"awseb-AWSEB-{world.Ids.Alnum(13).ToUpperInvariant()}", subnets, environment.LoadBalancerSecurityGroup!, tags);
        environment.TargetGroupArn = loadBalancing.CreateTargetGroup(
            $"awseb-AWSEB-{world.Ids.Alnum(12).ToUpperInvariant()}", vpc, EbOptionSettings.TargetGroup(options), tags);
        instances.Scale(environment, count, requestId: null);
        loadBalancing.CreateListener(environment.LoadBalancerArn, environment.TargetGroupArn, tags);
    }

    private void CreateSecurityGroups(EbEnvironment environment, string vpc)
    {
        Dictionary<string, string> tags = new()
        {
            [C.TagEnvironmentName] = environment.Name,
            [C.TagEnvironmentId] = environment.Id,
            ["aws:cloudformation:stack-name"] = environment.StackName,
        };
        environment.LoadBalancerSecurityGroup = world.Network.CreateServiceSecurityGroup(
            vpc,
            $"{environment.StackName}-AWSEBLoadBalancerSecurityGroup-{world.Ids.Alnum(12).ToUpperInvariant()}",
            "Elastic Beanstalk created security group used when no ELB security groups are specified during ELB creation",
            tags);
        environment.InstanceSecurityGroup = world.Network.CreateServiceSecurityGroup(
            vpc,
            $"{environment.StackName}-AWSEBSecurityGroup-{world.Ids.Alnum(12).ToUpperInvariant()}",
            "SecurityGroup for ElasticBeanstalk environment.",
            tags);
    }

    private async ValueTask DeleteLoadBalancingAsync(EbEnvironment environment, string? loadBalancer, string? targetGroup, string? requestId)
    {
        try
        {
            await loadBalancing.DeleteAsync(loadBalancer, targetGroup).ConfigureAwait(false);
        }
        catch (AwsSimException ex) when (requestId is not null)
        {
            var message = $"Deleting load balancer named: {loadBalancer} failed. Reason: {ex.Code}: {ex.Message}";
            Log.EnvironmentError(log, environment.Name, message);
            events.Add(world.Time.GetUtcNow(), "ERROR", message, environment, requestId);
        }
    }

    // Without a request (rolling back a failed create) deletion is best effort; with one, a failure is an ERROR event.
    private void DeleteSecurityGroup(EbEnvironment environment, string? group, string? requestId)
    {
        if (group is null)
        {
            return;
        }

        try
        {
            world.Network.DeleteServiceSecurityGroup(group);
        }
        catch (AwsSimException ex) when (requestId is not null)
        {
            events.Add(world.Time.GetUtcNow(), "ERROR", $"Deleting security group named: {group} failed. Reason: {ex.Message}", environment, requestId);
        }
        catch (AwsSimException)
        {
            // Best effort while rolling back a failed create.
        }
    }
}
