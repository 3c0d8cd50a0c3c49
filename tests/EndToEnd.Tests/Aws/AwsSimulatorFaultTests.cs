using Ebops.Operator.Aws.Core;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>The clients' retry and idempotency rules against the simulator's fault injection (simulator only: a real
/// endpoint cannot be told to throttle).</summary>
public sealed class AwsSimulatorFaultTests : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private AwsTarget target = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => target = await AwsTarget.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await target.DisposeAsync();

    private Ebops.Sandbox.Aws.AwsSimulator Simulator =>
        target.Simulator ?? throw new InvalidOperationException("unreachable");

    private void RequireSimulator()
    {
        if (target.Simulator is null)
        {
            Assert.Skip("Fault injection needs the in-process simulator (EBOPS_TEST_AWS_ENDPOINT is set).");
        }
    }

    [Fact]
    public async Task Throttled_describes_are_retried_and_switch_on_client_side_rate_limiting()
    {
        RequireSimulator();
        Simulator.World.Faults.Add(FaultRule.Throttle("rds", "DescribeDBSubnetGroups", count: 2));

        var groups = await target.Rds.DescribeDBSubnetGroupsAsync(new(), Ct);

        Assert.NotNull(groups);
        Assert.Equal(3, Simulator.World.Calls.Find("rds", "DescribeDBSubnetGroups").Count);
        Assert.True(target.Factory.Limiter(AwsService.Rds, "DescribeDBSubnetGroups")!.Enabled);
        Assert.False(target.Factory.Limiter(AwsService.Rds, "DescribeDBInstances")!.Enabled);
        Assert.False(target.Factory.Limiter(AwsService.Ec2, "DescribeSubnets")!.Enabled);
    }

    [Fact]
    public async Task A_create_that_meets_a_server_error_is_not_repeated_and_the_caller_looks_before_creating_again()
    {
        RequireSimulator();
        var name = $"ebops-it-fault-{run}";
        Simulator.World.Faults.Add(FaultRule.ServerError("rds", "CreateDBParameterGroup", count: 1));
        var request = new Ebops.Operator.Aws.Rds.CreateDBParameterGroupRequest
        {
            DBParameterGroupName = name,
            DBParameterGroupFamily = "mysql8.0",
            Description = "fault test",
        };

        var e = await Assert.ThrowsAsync<AwsApiException>(() => target.Rds.CreateDBParameterGroupAsync(request, Ct));
        Assert.Equal(AwsErrorKind.ServerError, e.Kind);
        Assert.Single(Simulator.World.Calls.Find("rds", "CreateDBParameterGroup"));

        if (await target.Rds.FindDBParameterGroupAsync(name, Ct) is null)
        {
            await target.Rds.CreateDBParameterGroupAsync(request, Ct);
        }

        Assert.NotNull(await target.Rds.FindDBParameterGroupAsync(name, Ct));
        await target.Rds.DeleteDBParameterGroupAsync(new() { DBParameterGroupName = name }, Ct);
        Assert.Null(await target.Rds.FindDBParameterGroupAsync(name, Ct));
    }
}
