using System.Collections.Concurrent;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Tests.Aws.Support;

namespace Ebops.Operator.Tests.Aws.Core;

/// <summary>The SDK's standard retry mode as wired for the Query clients and EC2: what is retried, how often, and what
/// the caller sees at the end.</summary>
public sealed class RetryTests
{
    private static string QueryError(string code, string message, string type = "Sender") =>
        $"<ErrorResponse xmlns=\"http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/\"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>err-{code}</RequestId></ErrorResponse>";

    private static string Ok(string action) =>
        $"<{action}Response><{action}Result><Available>true</Available><FullyQualifiedCNAME>x.elasticbeanstalk.com</FullyQualifiedCNAME></{action}Result><ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></{action}Response>";

    [Fact]
    public async Task Throttling_is_retried_with_attempt_headers_until_it_succeeds()
    {
        var attempts = 0;
        await using var server = new LoopbackAwsServer(r => Interlocked.Increment(ref attempts) <= 2
            ? ServerReply.Xml(QueryError(AwsErrors.Throttling, "Rate exceeded"), 400)
            : ServerReply.Xml(Ok("CheckDNSAvailability")));
        var aws = new TestAws(server.Url);

        var response = await aws.ElasticBeanstalk.CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "x" }, TestContext.Current.CancellationToken);

        Assert.True(response.Available);
        Assert.Equal(["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4"], server.Requests.Select(r => r.Header("amz-sdk-request")));
        Assert.Single(server.Requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
        Assert.Equal(2, aws.Metrics.Retries.WithLabels("elasticbeanstalk", "CheckDNSAvailability").Value);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        var attempts = 0;
        await using var server = new LoopbackAwsServer(r => Interlocked.Increment(ref attempts) == 1
            ? ServerReply.Xml(QueryError("ServiceUnavailable", "try again", "Receiver"), 503)
            : ServerReply.Xml(Ok("CheckDNSAvailability")));

        var response = await new TestAws(server.Url).ElasticBeanstalk.CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "x" }, TestContext.Current.CancellationToken);

        Assert.True(response.Available);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Invalid_parameter_is_not_retried_and_carries_code_message_request_id_and_status()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(QueryError(AwsErrors.InvalidParameterValue, "Value 'x' is not valid"), 400));

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            new TestAws(server.Url).ElasticBeanstalk.CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "x" }, TestContext.Current.CancellationToken));

        Assert.Single(server.Requests);
        Assert.Equal(AwsErrors.InvalidParameterValue, e.Code);
        Assert.Equal("Value 'x' is not valid", e.ErrorMessage);
        Assert.Equal("err-InvalidParameterValue", e.RequestId);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("elasticbeanstalk", e.Service);
        Assert.Equal("CheckDNSAvailability", e.Operation);
        Assert.Equal(AwsErrorKind.InvalidParameter, e.Kind);
        Assert.True(e.IsTerminal);
    }

    [Fact]
    public async Task Persistent_throttling_stops_after_max_attempts_and_is_counted_as_throttled()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(QueryError(AwsErrors.Throttling, "Rate exceeded"), 400));
        var aws = new TestAws(server.Url, maxAttempts: 3);

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            aws.Rds.DescribeDBSnapshotsAsync(new(), TestContext.Current.CancellationToken));

        Assert.Equal(3, server.Requests.Count);
        Assert.True(e.IsThrottled);
        Assert.Equal(1, aws.Metrics.Calls.WithLabels("rds", "DescribeDBSnapshots", AwsMetrics.Throttled).Value);
    }

    [Fact]
    public async Task Connection_failures_are_retried_then_reported_as_network_errors()
    {
        string url;
        await using (var closed = new LoopbackAwsServer(_ => ServerReply.Xml("")))
        {
            url = closed.Url;
        }

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            new TestAws(url, maxAttempts: 2).Elbv2.DescribeTagsAsync(new() { ResourceArns = ["arn"] }, TestContext.Current.CancellationToken));

        Assert.Equal(AwsErrorKind.Network, e.Kind);
        Assert.Equal(AwsApiException.NetworkErrorCode, e.Code);
        Assert.Equal(0, e.StatusCode);
    }

    [Fact]
    public async Task Ec2_error_shape_is_parsed_for_the_sdk_client_and_for_query_clients()
    {
        const string ec2Error = "<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'sg-1' does not exist</Message></Error></Errors><RequestID>ec2-req-1</RequestID></Response>";
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(ec2Error, 400));
        var aws = new TestAws(server.Url);
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await aws.Ec2.FindSecurityGroupAsync("sg-1", ct));
        var e = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ec2.DeleteTagsAsync(["sg-1"], ["k"], ct));
        Assert.Equal("InvalidGroup.NotFound", e.Code);
        Assert.Equal("ec2-req-1", e.RequestId);
        Assert.True(e.IsNotFound);

        // A Query client talking to an endpoint that answers in EC2's shape still gets the code.
        var q = await Assert.ThrowsAsync<AwsApiException>(() => aws.Rds.DescribeDBSnapshotsAsync(new(), ct));
        Assert.Equal("InvalidGroup.NotFound", q.Code);
        Assert.Equal("ec2-req-1", q.RequestId);
    }

    [Fact]
    public async Task Not_found_errors_make_find_methods_return_null()
    {
        var replies = new ConcurrentDictionary<string, string>
        {
            ["DescribeDBInstances"] = "<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance db not found.</Message></Error><RequestId>1</RequestId></ErrorResponse>",
            ["DescribeLoadBalancers"] = "<ErrorResponse><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>One or more load balancers not found</Message></Error><RequestId>2</RequestId></ErrorResponse>",
            ["DescribeApplicationVersions"] = QueryError(AwsErrors.InvalidParameterValue, "No Application named 'app' found."),
        };
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(replies[r.FormValue("Action")!], 400));
        var aws = new TestAws(server.Url);
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await aws.Rds.FindDBInstanceAsync("db", ct));
        Assert.Null(await aws.Elbv2.FindLoadBalancerAsync("lb", ct));
        Assert.Null(await aws.ElasticBeanstalk.FindApplicationVersionAsync("app", "v1", ct));
    }

    [Fact]
    public async Task Non_idempotent_creates_are_retried_for_throttling_but_not_after_ambiguous_server_errors()
    {
        var throttledOnce = 0;
        await using var server = new LoopbackAwsServer(r => r.FormValue("DBInstanceIdentifier") == "throttled" && Interlocked.Increment(ref throttledOnce) == 1
            ? ServerReply.Xml(QueryError(AwsErrors.Throttling, "Rate exceeded"), 400)
            : r.FormValue("DBInstanceIdentifier") == "unavailable"
                ? ServerReply.Xml(QueryError(AwsErrors.ServiceUnavailable, "try later", "Receiver"), 503)
                : ServerReply.Xml("<CreateDBInstanceResponse><CreateDBInstanceResult><DBInstance><DBInstanceIdentifier>throttled</DBInstanceIdentifier></DBInstance></CreateDBInstanceResult></CreateDBInstanceResponse>"));
        var rds = new TestAws(server.Url).Rds;
        var ct = TestContext.Current.CancellationToken;

        var created = await rds.CreateDBInstanceAsync(new() { DBInstanceIdentifier = "throttled", DBInstanceClass = "db.t3.micro", Engine = "mysql" }, ct);
        Assert.Equal("throttled", created.DBInstance!.DBInstanceIdentifier);
        Assert.Equal(2, server.Requests.Count);

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            rds.CreateDBInstanceAsync(new() { DBInstanceIdentifier = "unavailable", DBInstanceClass = "db.t3.micro", Engine = "mysql" }, ct));
        Assert.Equal(AwsErrorKind.ServerError, e.Kind);
        Assert.Equal(3, server.Requests.Count);

        // An idempotent call on the same client is still retried after a 503.
        await Assert.ThrowsAsync<AwsApiException>(() => rds.ModifyDBInstanceAsync(new() { DBInstanceIdentifier = "unavailable" }, ct));
        Assert.Equal(7, server.Requests.Count);
    }
}
