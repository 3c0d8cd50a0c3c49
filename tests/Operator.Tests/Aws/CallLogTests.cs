using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Tests.Aws.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws;

/// <summary>The one log line per AWS call: a look-up that finds nothing is Debug and no failure; a refused call is.</summary>
public sealed class CallLogTests
{
    [Fact]
    public async Task A_not_found_answer_is_logged_at_debug_without_saying_failed()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance shop-db not found.</Message></Error><RequestId>r-nf</RequestId></ErrorResponse>", 404));

        var e = await Assert.ThrowsAsync<AwsApiException>(() => new TestAws(server.Url, logs: logs).Rds.DescribeDBInstancesAsync(
            new DescribeDBInstancesRequest { DBInstanceIdentifier = "shop-db" }, TestContext.Current.CancellationToken));

        Assert.Equal(AwsErrorKind.NotFound, e.Kind);
        var lines = logs.Lines.Where(l => l.Contains("r-nf", StringComparison.Ordinal)).ToList();
        Assert.All(lines, l => Assert.StartsWith("Debug ", l, StringComparison.Ordinal));
        var call = Assert.Single(lines, l => l.Contains("DescribeDBInstances: not found (DBInstanceNotFound", StringComparison.Ordinal));
        Assert.DoesNotContain("failed", call.Split(" | ")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_call_is_logged_at_information_as_failed()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad</Message></Error><RequestId>r-bad</RequestId></ErrorResponse>", 400));

        await Assert.ThrowsAsync<AwsApiException>(() => new TestAws(server.Url, logs: logs).Rds.DescribeDBInstancesAsync(
            new DescribeDBInstancesRequest { DBInstanceIdentifier = "shop-db" }, TestContext.Current.CancellationToken));

        var line = Assert.Single(logs.Lines, l => l.Contains("r-bad", StringComparison.Ordinal) && !l.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.StartsWith("Information ", line, StringComparison.Ordinal);
        Assert.Contains("DescribeDBInstances failed with InvalidParameterValue", line, StringComparison.Ordinal);
    }
}
