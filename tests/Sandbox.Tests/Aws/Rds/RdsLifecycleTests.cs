using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>RDS lifecycles at realistic durations (scale 1) on a FakeTimeProvider: status after a given time.</summary>
public sealed class RdsLifecycleTests
{
    [Theory]
    [InlineData(0, "creating")]
    [InlineData(479, "creating")]
    [InlineData(480, "backing-up")]
    [InlineData(599, "backing-up")]
    [InlineData(600, "available")]
    public async Task Create_goes_creating_backing_up_available(int seconds, string expected)
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(1));
        var rds = new RdsClient(host);
        var created = await rds.CreateMySqlAsync("orders");
        Assert.Equal("creating", created.Value("DBInstanceStatus"));
        host.Time.Advance(TimeSpan.FromSeconds(seconds));
        Assert.Equal(expected, await rds.StatusAsync("orders"));
    }

    [Theory]
    [InlineData("modify-immediate", 0, "modifying")]
    [InlineData("modify-immediate", 119, "modifying")]
    [InlineData("modify-immediate", 120, "available")]
    [InlineData("reboot", 0, "rebooting")]
    [InlineData("reboot", 59, "rebooting")]
    [InlineData("reboot", 60, "available")]
    [InlineData("delete", 0, "deleting")]
    [InlineData("delete", 179, "deleting")]
    [InlineData("delete", 180, null)]
    public async Task Transitions_take_their_realistic_time(string action, int seconds, string? expected)
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(1));
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        host.Time.Advance(TimeSpan.FromMinutes(10));
        _ = action switch
        {
            "modify-immediate" => await rds.OkAsync("ModifyDBInstance", ("DBInstanceIdentifier", "orders"),
                ("DBInstanceClass", "db.t4g.small"), ("ApplyImmediately", "true")),
            "reboot" => await rds.OkAsync("RebootDBInstance", ("DBInstanceIdentifier", "orders")),
            _ => await rds.OkAsync("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true")),
        };
        host.Time.Advance(TimeSpan.FromSeconds(seconds));
        if (expected is null)
        {
            Assert.Equal((404, "DBInstanceNotFound"), await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders")));
        }
        else
        {
            Assert.Equal(expected, await rds.StatusAsync("orders"));
        }
    }

    [Fact]
    public async Task Time_scale_shortens_every_duration()
    {
        await using var host = await SimHost.StartAsync(timing: new SimTiming(0.01));
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        host.Time.Advance(TimeSpan.FromSeconds(5.9));
        Assert.Equal("backing-up", await rds.StatusAsync("orders"));
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("available", await rds.StatusAsync("orders"));
    }
}
