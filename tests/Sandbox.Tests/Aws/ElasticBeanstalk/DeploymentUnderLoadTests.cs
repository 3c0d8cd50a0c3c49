using Ebops.Sandbox.Load;

namespace Ebops.Sandbox.Tests.Aws.ElasticBeanstalk;

/// <summary>
/// In-place deployments with clients sending requests through the environment's ALB between steps of the simulator
/// clock (half of them on kept-alive connections, half on new ones). Only counts are asserted.
/// </summary>
public sealed class DeploymentUnderLoadTests
{
    private const string Command = "aws:elasticbeanstalk:command";

    [Fact]
    public async Task AllAtOnce_fails_requests_while_every_instance_restarts()
    {
        await using var rig = await DeploymentPolicyTests.ReadyAsync(instances: 2);
        await using var load = new LoadGenerator(LoadTarget.Endpoint(rig.State.ResolveCname("web-blue.ap-northeast-2.elasticbeanstalk.com")!), Clients());
        await load.BurstAsync(3, TestContext.Current.CancellationToken);
        var before = load.Timeline.Mark("update");

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(
            async () =>
            {
                await load.BurstAsync(3, TestContext.Current.CancellationToken);
                return (await rig.StatusAsync("web-blue")).Status == "Ready";
            },
            TimeSpan.FromMinutes(5));
        var after = load.Timeline.Mark("ready");
        await load.BurstAsync(3, TestContext.Current.CancellationToken);

        Assert.Equal((12, 0, 12), Counts(load.Timeline.Summarize(to: before), "1.0.0"));
        var during = load.Timeline.Summarize(before, after);
        Assert.True(during.Failed > 0, "requests fail while the application servers restart");
        Assert.All(load.Timeline.Samples(before, after).Where(s => s.Failed), s => Assert.Equal((502, LoadFailure.HttpStatus), (s.Status, s.Failure)));
        Assert.Equal((12, 0, 12), Counts(load.Timeline.Summarize(after), "1.0.1"));
    }

    [Fact]
    public async Task Rolling_one_instance_per_batch_keeps_serving_from_the_other_batch()
    {
        await using var rig = await DeploymentPolicyTests.ReadyAsync(instances: 2, (Command, "DeploymentPolicy", "Rolling"), (Command, "BatchSizeType", "Fixed"), (Command, "BatchSize", "1"));
        await using var load = new LoadGenerator(LoadTarget.Endpoint(rig.State.ResolveCname("web-blue.ap-northeast-2.elasticbeanstalk.com")!), Clients());
        var before = load.Timeline.Mark("update");

        await rig.Call.CallAsync("UpdateEnvironment", ("EnvironmentName", "web-blue"), ("VersionLabel", "1.0.1"));
        await rig.AdvanceUntilAsync(
            async () =>
            {
                await load.BurstAsync(2, TestContext.Current.CancellationToken);
                return (await rig.StatusAsync("web-blue")).Status == "Ready";
            },
            TimeSpan.FromMinutes(20));
        var after = load.Timeline.Mark("ready");
        await load.BurstAsync(3, TestContext.Current.CancellationToken);

        var during = load.Timeline.Summarize(before, after);
        Assert.Equal(0, during.Failed);
        Assert.True(during.CountOf("1.0.0") > 0 && during.CountOf("1.0.1") > 0, "both versions answer while the batches roll");
        Assert.Equal((12, 0, 12), Counts(load.Timeline.Summarize(after), "1.0.1"));
    }

    private static LoadOptions Clients() => new() { Clients = 4, KeepAliveFraction = 0.5 };

    private static (long Total, long Failed, long OfVersion) Counts(LoadSummary summary, string version) =>
        (summary.Total, summary.Failed, summary.CountOf(version));
}
