using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// UpdateEnvironment with a VersionLabel deploys as the environment's <c>aws:elasticbeanstalk:command</c> options say
/// (EB developer guide, "Deployment policies and settings"), on the simulator clock with the EB defaults: deregistration
/// delay 20 s, health checks every 15 s (healthy after 3), a batch done after 12 consecutive OK checks of EB's agent.
/// </summary>
public sealed class DeploymentPolicyTests
{
    private const string Command = "aws:elasticbeanstalk:command";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task AllAtOnce_restarts_every_instance_together_and_is_Grey_Info_while_updating()
    {
        await using var rig = await ReadyAsync(instances: 2);
        var since = rig.Time.GetUtcNow();

        var updated = await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));

        Assert.Equal(("Updating", "Grey", "Info"), (rig.Call.Text(updated, "Status"), rig.Call.Text(updated, "Health"), rig.Call.Text(updated, "HealthStatus")));
        Assert.All(await rig.InstancesAsync("web-blue"), i => Assert.Equal(("Info", "1.0.0", "In Progress"), (i.HealthStatus, i.Version, i.DeploymentStatus)));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        Assert.All(await rig.InstancesAsync("web-blue"), i => Assert.Equal(("1.0.1", "Deployed", "2"), (i.Version, i.DeploymentStatus, i.DeploymentId)));
        Assert.Equal(
            [
                "Environment update is starting.",
                "Deploying new version to instance(s).",
                "Instance deployment completed successfully.",
                "Command execution completed on all instances. Summary: [Successful: 2].",
                "New application version was deployed to running EC2 instances.",
                "Environment update completed successfully.",
            ],
            await rig.EventsAsync("web-blue", since));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(("Ready", "Green", "Ok"), await rig.StatusAsync("web-blue"));
    }

    [Fact]
    public async Task Rolling_deploys_one_batch_at_a_time_deregistering_it_and_waiting_for_its_health()
    {
        await using var rig = await ReadyAsync(instances: 2, (Command, "DeploymentPolicy", "Rolling"), (Command, "BatchSizeType", "Fixed"), (Command, "BatchSize", "1"));
        var (first, second) = Pair(await rig.InstancesAsync("web-blue"));
        var since = rig.Time.GetUtcNow();

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));

        Assert.Equal([(first, "draining"), (second, "healthy")], await TargetsAsync(rig));
        await rig.AdvanceUntilAsync(async () => (await rig.EventsAsync("web-blue", since)).Contains("Batch 1: Completed application deployment."), Limit);
        Assert.Equal([(first, "1.0.1"), (second, "1.0.0")], (await rig.InstancesAsync("web-blue")).Select(i => (i.Id, i.Version)));
        Assert.Equal([(first, "healthy"), (second, "draining")], await TargetsAsync(rig));
        Assert.Equal(("Updating", "Grey", "Info"), await rig.StatusAsync("web-blue"));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        Assert.All(await rig.InstancesAsync("web-blue"), i => Assert.Equal("1.0.1", i.Version));
        Assert.Equal(
            [
                "Environment update is starting.",
                "Deploying new version to instance(s).",
                .. BatchEvents(1, first, "1 of 2"),
                .. BatchEvents(2, second, "2 of 2"),
                "New application version was deployed to running EC2 instances.",
                "Environment update completed successfully.",
            ],
            await rig.EventsAsync("web-blue", since));
    }

    [Fact]
    public async Task Rolling_by_percentage_cuts_the_instances_into_batches_rounded_down()
    {
        await using var rig = await ReadyAsync(instances: 4, (Command, "DeploymentPolicy", "Rolling"), (Command, "BatchSize", "60"));
        var ids = (await rig.InstancesAsync("web-blue")).Select(i => i.Id).ToList();
        var since = rig.Time.GetUtcNow();

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        var starts = (await rig.EventsAsync("web-blue", since)).Where(m => m.Contains("Starting application deployment on instance(s)", StringComparison.Ordinal));
        Assert.Equal(
            [
                $"Batch 1: Starting application deployment on instance(s) [{ids[0]}, {ids[1]}].",
                $"Batch 2: Starting application deployment on instance(s) [{ids[2]}, {ids[3]}].",
            ],
            starts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_that_stays_unhealthy_past_the_timeout_fails_the_deployment_unless_health_is_ignored(bool ignoreHealthCheck)
    {
        await using var rig = await ReadyAsync(
            instances: 2,
            (Command, "DeploymentPolicy", "Rolling"),
            (Command, "BatchSizeType", "Fixed"),
            (Command, "BatchSize", "1"),
            (Command, "Timeout", "120"),
            (Command, "IgnoreHealthCheck", ignoreHealthCheck ? "true" : "false"));
        rig.World.Faults.BreakVersion("1.0.1", VersionFaultMode.Http500);
        var (first, second) = Pair(await rig.InstancesAsync("web-blue"));
        var since = rig.Time.GetUtcNow();

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        var environment = await rig.EnvironmentAsync("web-blue");
        var errors = await rig.EventsAsync("web-blue", since, "ERROR");
        var instances = (await rig.InstancesAsync("web-blue")).Select(i => (i.Id, i.Version, i.DeploymentStatus));
        if (ignoreHealthCheck)
        {
            Assert.Equal("1.0.1", rig.Call.Text(environment, "VersionLabel"));
            Assert.Empty(errors);
            Assert.Equal([(first, "1.0.1", "Deployed"), (second, "1.0.1", "Deployed")], instances);
            Assert.Contains(await rig.EventsAsync("web-blue", since, "WARN"), m => m.Contains("continuing because IgnoreHealthCheck is set", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal("1.0.0", rig.Call.Text(environment, "VersionLabel"));
            Assert.Contains("Failed to deploy application.", errors);
            Assert.Contains($"Batch 1: Instance(s) [{first}] did not pass health checks within the command timeout (120 seconds).", errors);
            Assert.Equal([(first, "1.0.1", "Failed"), (second, "1.0.0", "Deployed")], instances);
        }
    }

    [Fact]
    public async Task RollingWithAdditionalBatch_keeps_full_capacity_and_terminates_the_additional_batch_at_the_end()
    {
        await using var rig = await ReadyAsync(instances: 2, (Command, "DeploymentPolicy", "RollingWithAdditionalBatch"), (Command, "BatchSizeType", "Fixed"), (Command, "BatchSize", "1"));
        var originals = (await rig.InstancesAsync("web-blue")).Select(i => i.Id).ToList();
        var since = rig.Time.GetUtcNow();

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(async () => (await rig.EventsAsync("web-blue", since)).Contains("Additional batch: instance(s) healthy."), Limit);
        var during = await rig.InstancesAsync("web-blue");
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        Assert.Equal(3, during.Count);
        Assert.Equal(("1.0.1", "1.0.0"), (during[2].Version, during[0].Version));
        var after = await rig.InstancesAsync("web-blue");
        Assert.Equal(originals, after.Select(i => i.Id));
        Assert.All(after, i => Assert.Equal("1.0.1", i.Version));
        var events = await rig.EventsAsync("web-blue", since);
        Assert.Contains($"Terminating the additional batch of instance(s) [{during[2].Id}].", events);
        Assert.Contains($"Removed instance [{during[2].Id}] from your environment.", events);
    }

    [Fact]
    public async Task Immutable_replaces_every_instance_with_new_ones_running_the_new_version()
    {
        await using var rig = await ReadyAsync(instances: 2, (Command, "DeploymentPolicy", "Immutable"));
        var originals = (await rig.InstancesAsync("web-blue")).Select(i => i.Id).ToList();
        var since = rig.Time.GetUtcNow();

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")).Status == "Ready", Limit);

        var after = await rig.InstancesAsync("web-blue");
        Assert.Equal(2, after.Count);
        Assert.Empty(after.Select(i => i.Id).Intersect(originals));
        Assert.All(after, i => Assert.Equal("1.0.1", i.Version));
        var events = await rig.EventsAsync("web-blue", since);
        Assert.Equal("Immutable deployment policy enabled. Launching one instance with the new settings to verify health.", events[1]);
        Assert.All(originals, id => Assert.Contains($"Removed instance [{id}] from your environment.", events));
        Assert.Equal("Environment update completed successfully.", events[^1]);
    }

    [Fact]
    public async Task TrafficSplitting_is_refused_and_nothing_changes()
    {
        await using var rig = await ReadyAsync(instances: 2);

        var error = await rig.Call.FailAsync(
            "UpdateEnvironment",
            [("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"), .. EbRig.Options("OptionSettings", (Command, "DeploymentPolicy", "TrafficSplitting"))]);

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal(("Ready", "1.0.0"), ((await rig.StatusAsync("web-blue")).Status, rig.Call.Text(await rig.EnvironmentAsync("web-blue"), "VersionLabel")));
    }

    [Fact]
    public async Task AbortEnvironmentUpdate_during_a_rolling_deployment_puts_every_instance_back_in_service_on_the_old_version()
    {
        await using var rig = await ReadyAsync(instances: 2, (Command, "DeploymentPolicy", "Rolling"), (Command, "BatchSizeType", "Fixed"), (Command, "BatchSize", "1"));
        var (first, second) = Pair(await rig.InstancesAsync("web-blue"));
        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("In Progress", (await rig.InstancesAsync("web-blue"))[0].DeploymentStatus);

        await rig.Call.CallAsync("AbortEnvironmentUpdate", ("EnvironmentName", "web-blue"));
        await rig.AdvanceUntilAsync(async () => (await rig.StatusAsync("web-blue")) == ("Ready", "Green", "Ok"), Limit);

        Assert.Equal([(first, "1.0.0"), (second, "1.0.0")], (await rig.InstancesAsync("web-blue")).Select(i => (i.Id, i.Version)));
        Assert.Equal([(first, "healthy"), (second, "healthy")], await TargetsAsync(rig));
    }

    /// <summary>An environment web-blue running 1.0.0 on <paramref name="instances"/> healthy instances, and version 1.0.1 registered.</summary>
    internal static async Task<EbRig> ReadyAsync(int instances, params (string Namespace, string Name, string Value)[] options)
    {
        var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0", minSize: instances, cnamePrefix: null, options);
        await rig.VersionAsync("web", "1.0.1");
        await rig.AdvanceUntilAsync(async () => await rig.StatusAsync("web-blue") == ("Ready", "Green", "Ok"), Limit);

        // A step past the launch's last events, so that the update's events are told apart by their date.
        await rig.AdvanceAsync(TimeSpan.FromSeconds(5));
        return rig;
    }

    private static string[] BatchEvents(int batch, string instance, string progress) =>
    [
        $"Batch {batch}: Starting application deployment on instance(s) [{instance}].",
        $"Batch {batch}: De-registering instance(s) from the load balancer and waiting for them to go out of service.",
        $"Batch {batch}: Starting application deployment command execution.",
        "Instance deployment completed successfully.",
        $"Batch {batch}: Completed application deployment command execution.",
        $"Command execution completed on {progress} instances in environment.",
        $"Batch {batch}: Registering instance(s) with the load balancer and waiting for them to be healthy.",
        $"Batch {batch}: Completed application deployment.",
    ];

    private static (string First, string Second) Pair(IReadOnlyList<InstanceView> instances)
    {
        Assert.Equal(2, instances.Count);
        return (instances[0].Id, instances[1].Id);
    }

    // The environment's target group's targets as DescribeTargetHealth reports them.
    private static async Task<IReadOnlyList<(string Id, string? State)>> TargetsAsync(EbRig rig)
    {
        var groups = await rig.Elb.CallAsync("DescribeTargetGroups");
        var group = rig.Elb.Members(groups, "TargetGroups").Select(g => rig.Elb.Text(g, "TargetGroupArn")!).Single();
        var health = await rig.Elb.CallAsync("DescribeTargetHealth", ("TargetGroupArn", group));
        return [.. rig.Elb.Members(health, "TargetHealthDescriptions").Select(t => (rig.Elb.Text(t, "Target/Id")!, rig.Elb.Text(t, "TargetHealth/State")))];
    }
}
