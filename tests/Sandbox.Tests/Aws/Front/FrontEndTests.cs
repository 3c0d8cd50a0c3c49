using System.Net;
using Amazon.Runtime;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Tests.Aws.Rds;

namespace Ebops.Sandbox.Tests.Aws.Front;

public sealed class FrontEndTests
{
    [Fact]
    public async Task Correctly_signed_request_reaches_the_service()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("ec2", "DescribeVpcs");
        Assert.Equal(200, reply.Status);
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", reply.Xml.Name.NamespaceName);
        Assert.Equal("DescribeVpcsResponse", reply.Xml.Name.LocalName);
        var call = Assert.Single(host.World.Calls.All);
        Assert.Equal(("ec2", "DescribeVpcs", SimCall.Ok), (call.Service, call.Action, call.Outcome));
    }

    [Fact]
    public async Task Tampered_body_is_rejected_with_SignatureDoesNotMatch_in_the_query_shape()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("rds", "DescribeDBInstances", tamper: m =>
            m.Content = new StringContent("Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=x",
                System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        Assert.Equal("ErrorResponse", reply.Xml.Name.LocalName);
        Assert.Equal("http://rds.amazonaws.com/doc/2014-10-31/", reply.Xml.Name.NamespaceName);
        Assert.Equal("SignatureDoesNotMatch", reply.ErrorCode);
        Assert.Equal("Sender", reply.Value("Type"));
        Assert.Equal(reply.Headers["x-amzn-RequestId"], reply.Value("RequestId"));
        Assert.Equal("SignatureDoesNotMatch", Assert.Single(host.World.Calls.All).Outcome);
    }

    [Fact]
    public async Task Wrong_secret_is_rejected()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("rds", "DescribeDBInstances",
            credentials: new BasicAWSCredentials(SandboxNetwork.AccessKeyId, "not-the-secret"));
        Assert.Equal(403, reply.Status);
        Assert.Equal("SignatureDoesNotMatch", reply.ErrorCode);
    }

    [Theory]
    [InlineData("rds", 403, "InvalidClientTokenId", "ErrorResponse")]
    [InlineData("ec2", 401, "AuthFailure", "Response")]
    public async Task Unknown_key_is_rejected_in_the_services_own_shape(string service, int status, string code, string root)
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync(service, "DescribeSomething",
            credentials: new BasicAWSCredentials("AKIAUNKNOWNKEY000000", "whatever"));
        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.ErrorCode);
        Assert.Equal(root, reply.Xml.Name.LocalName);
    }

    [Fact]
    public async Task Ec2_errors_use_the_Response_Errors_shape()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("ec2", "NoSuchAction");
        Assert.Equal(400, reply.Status);
        Assert.Equal("Response", reply.Xml.Name.LocalName);
        Assert.Equal("InvalidAction", reply.Xml.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        Assert.NotEmpty(reply.Xml.Element("RequestID")!.Value);
    }

    [Fact]
    public async Task Request_signed_outside_the_clock_skew_window_is_rejected()
    {
        await using var host = await SimHost.StartAsync();
        var late = await host.QueryAsync("rds", "DescribeDBInstances", signedAt: host.Time.GetUtcNow().AddMinutes(-16));
        var ec2Late = await host.QueryAsync("ec2", "DescribeVpcs", signedAt: host.Time.GetUtcNow().AddMinutes(-16));
        var fine = await host.QueryAsync("ec2", "DescribeVpcs", signedAt: host.Time.GetUtcNow().AddMinutes(-14));
        Assert.Equal(("SignatureDoesNotMatch", 403), (late.ErrorCode, late.Status));
        Assert.Contains("Signature expired", late.Value("Message"));
        Assert.Equal(("RequestExpired", 400), (ec2Late.ErrorCode, ec2Late.Status));
        Assert.Equal(200, fine.Status);
    }

    [Fact]
    public async Task Wrong_version_is_rejected()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("rds", "DescribeDBInstances", new Dictionary<string, string> { ["Version"] = "2013-09-09" });
        Assert.Equal(400, reply.Status);
        Assert.Equal("InvalidAction", reply.ErrorCode);
        Assert.Contains("2013-09-09", reply.Value("Message"));
    }

    [Fact]
    public async Task Session_token_is_required_when_configured_and_any_token_is_accepted_otherwise()
    {
        await using var host = await SimHost.StartAsync(o => o.Credentials =
        [
            SimCredential.Sandbox,
            new SimCredential("ASIATEMPORARYKEY0001", "temp-secret", "the-session-token"),
        ]);
        var anyToken = await host.QueryAsync("ec2", "DescribeVpcs",
            credentials: new SessionAWSCredentials(SandboxNetwork.AccessKeyId, SandboxNetwork.SecretAccessKey, "anything"));
        var rightToken = await host.QueryAsync("ec2", "DescribeVpcs",
            credentials: new SessionAWSCredentials("ASIATEMPORARYKEY0001", "temp-secret", "the-session-token"));
        var wrongToken = await host.QueryAsync("rds", "DescribeDBInstances",
            credentials: new SessionAWSCredentials("ASIATEMPORARYKEY0001", "temp-secret", "stolen"));
        Assert.Equal(200, anyToken.Status);
        Assert.Equal(200, rightToken.Status);
        Assert.Equal("InvalidClientTokenId", wrongToken.ErrorCode);
        Assert.DoesNotContain(host.World.Calls.All.SelectMany(c => c.Parameters.Values), v => v.Contains("token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_request_is_rejected_with_MissingAuthenticationToken()
    {
        await using var host = await SimHost.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(host.Simulator.Endpoint,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeDBInstances", ["Version"] = "2014-10-31" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Missing_version_is_MissingParameter()
    {
        await using var host = await SimHost.StartAsync();
        var reply = await host.QueryAsync("rds", "DescribeDBInstances", new Dictionary<string, string> { ["Version"] = "" });
        Assert.Equal((400, "MissingParameter"), (reply.Status, reply.ErrorCode));
    }

    [Fact]
    public async Task Pagination_token_of_one_list_is_rejected_on_another()
    {
        await using var host = await SimHost.StartAsync(o => o.PageSizes["rds"] = 1);
        var rds = new RdsClient(host);
        await rds.OkAsync("CreateDBParameterGroup", ("DBParameterGroupName", "p1"), ("DBParameterGroupFamily", "mysql8.0"), ("Description", "d"));
        await rds.OkAsync("CreateDBParameterGroup", ("DBParameterGroupName", "p2"), ("DBParameterGroupFamily", "mysql8.0"), ("Description", "d"));
        var marker = (await rds.OkAsync("DescribeDBParameterGroups")).Value("Marker")!;
        Assert.Equal("p2", (await rds.OkAsync("DescribeDBParameterGroups", ("Marker", marker))).Value("DBParameterGroupName"));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBSnapshots", ("Marker", marker)));
    }

    [Fact]
    public async Task Concurrent_calls_across_services_are_all_answered_and_logged()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var calls = Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => rds.CreateMySqlAsync($"db{i}"),
            1 => host.QueryAsync("ec2", "CreateSecurityGroup", new Dictionary<string, string> { ["GroupName"] = $"g{i}", ["GroupDescription"] = "g" }),
            2 => host.QueryAsync("rds", "DescribeDBInstances"),
            _ => host.QueryAsync("ec2", "DescribeSecurityGroups"),
        }).ToList();
        var replies = await Task.WhenAll(calls);
        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.Equal(40, host.World.Calls.All.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), host.World.Calls.All.Select(c => c.Sequence).Order());
        Assert.Equal(10, (await rds.OkAsync("DescribeDBInstances")).All("DBInstance").Count);
    }
}
