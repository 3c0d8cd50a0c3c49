using System.Globalization;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>What the simulator keeps of terminated environments and of EB's events, and for how long.</summary>
public sealed class EnvironmentRetentionTests
{
    [Fact]
    public async Task A_terminated_environment_is_listed_with_IncludeDeleted_for_an_hour_then_forgotten_with_its_health_and_metrics()
    {
        await using var rig = new EbRig();
        var id = await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var environment = rig.State.Stores.Environments.FindLive(id)!;
        Assert.NotEmpty(environment.MetricSamples);

        await rig.Call.CallAsync("TerminateEnvironment", ("EnvironmentId", id));
        Assert.Empty(environment.MetricSamples);
        await rig.AdvanceAsync(TimeSpan.FromMinutes(3));
        var terminated = rig.Time.GetUtcNow();
        var backTo = (terminated - TimeSpan.FromDays(1)).ToString("O", CultureInfo.InvariantCulture);
        Assert.Single(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id), ("IncludeDeleted", "true")), "Environments"));
        Assert.Equal("Terminated", rig.Call.Text(await rig.Call.CallAsync("DescribeEnvironmentHealth", ("EnvironmentId", id), ("AttributeNames.member.1", "All")), "Status"));

        await rig.AdvanceAsync(TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(1));
        Assert.Equal((1, terminated), rig.State.Stores.Environments.Terminated(rig.Time.GetUtcNow()));
        await rig.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));

        Assert.Equal((0, null), rig.State.Stores.Environments.Terminated(rig.Time.GetUtcNow()));
        Assert.Empty(rig.Call.Members(await rig.Call.CallAsync("DescribeEnvironments", ("EnvironmentIds.member.1", id), ("IncludeDeleted", "true"), ("IncludedDeletedBackTo", backTo)), "Environments"));
        Assert.Equal("InvalidParameterValue", (await rig.Call.FailAsync("DescribeEnvironmentHealth", ("EnvironmentId", id), ("AttributeNames.member.1", "All"))).Code);
    }

    [Fact]
    public async Task Events_older_than_six_weeks_are_dropped()
    {
        await using var rig = new EbRig();
        await rig.LaunchAsync("web", "web-blue", "1.0.0");
        await rig.AdvanceAsync(TimeSpan.FromMinutes(5));
        var launched = rig.State.Stores.Events.Count;
        Assert.NotEqual(0, launched);

        rig.Time.Advance(TimeSpan.FromDays(43));
        await rig.LaunchAsync("web", "web-green", "1.0.0");

        Assert.InRange(rig.State.Stores.Events.Count, 1, launched);
        Assert.Empty(await rig.EventsAsync("web-blue", DateTimeOffset.UnixEpoch));
    }
}
