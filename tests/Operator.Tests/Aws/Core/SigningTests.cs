using System.Globalization;
using Amazon.Runtime;
using Ebops.Operator.Tests.Aws.Support;

namespace Ebops.Operator.Tests.Aws.Core;

/// <summary>Requests from every client are verified by the tests' own SigV4 implementation on a loopback server.</summary>
public sealed class SigningTests
{
    private static ServerReply Reply(CapturedRequest r)
    {
        if (r.Method == "HEAD")
        {
            return new ServerReply(200, "", new Dictionary<string, string> { ["ETag"] = "\"abc\"" });
        }

        var action = r.FormValue("Action") ?? "Unknown";
        return action == "DescribeVpcs"
            ? ServerReply.Xml("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>ec2-1</requestId><vpcSet/></DescribeVpcsResponse>")
            : ServerReply.Xml($"<{action}Response><{action}Result/><ResponseMetadata><RequestId>q-1</RequestId></ResponseMetadata></{action}Response>");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_post_is_signed_for_the_service_and_region(bool session)
    {
        await using var server = new LoopbackAwsServer(Reply);
        AWSCredentials credentials = session
            ? new SessionAWSCredentials(TestAws.AccessKey, TestAws.SecretKey, TestAws.SessionToken)
            : new BasicAWSCredentials(TestAws.AccessKey, TestAws.SecretKey);
        var aws = new TestAws(server.Url, credentials);
        var ct = TestContext.Current.CancellationToken;

        await aws.ElasticBeanstalk.DescribeEnvironmentsAsync(new() { ApplicationName = "app one", EnvironmentNames = ["a", "b"] }, ct);
        await aws.Rds.CreateDBInstanceAsync(new() { DBInstanceIdentifier = "db", DBInstanceClass = "db.t3.micro", Engine = "mysql", MasterUserPassword = "p@ss w/ord+=" }, ct);
        await aws.Elbv2.DescribeTargetHealthAsync(new() { TargetGroupArn = "arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/tg/1" }, ct);

        var services = new List<string>();
        foreach (var request in server.Requests)
        {
            var result = SigV4Verifier.Verify(request, TestAws.SecretKey, session ? TestAws.SessionToken : null);
            Assert.True(result.Valid, result.Reason);
            Assert.Equal(TestAws.AccessKey, result.AccessKey);
            Assert.Equal(TestAws.Region, result.Region);
            Assert.Contains("x-amz-content-sha256", result.SignedHeaders!);
            services.Add(result.Service!);
            Assert.Equal("POST", request.Method);
            Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        }

        Assert.Equal(["elasticbeanstalk", "rds", "elasticloadbalancing"], services);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ec2_and_s3_head_object_are_signed(bool session)
    {
        await using var server = new LoopbackAwsServer(Reply);
        AWSCredentials credentials = session
            ? new SessionAWSCredentials(TestAws.AccessKey, TestAws.SecretKey, TestAws.SessionToken)
            : new BasicAWSCredentials(TestAws.AccessKey, TestAws.SecretKey);
        var aws = new TestAws(server.Url, credentials);
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await aws.Ec2.DescribeVpcsAsync(["vpc-1"], null, ct));
        Assert.NotNull(await aws.S3.HeadObjectAsync("bundles", "app/v1.zip", ct));

        var ec2 = server.Requests.Single(r => r.Method == "POST");
        var ec2Result = SigV4Verifier.Verify(ec2, TestAws.SecretKey, session ? TestAws.SessionToken : null);
        Assert.True(ec2Result.Valid, ec2Result.Reason);
        Assert.Equal("ec2", ec2Result.Service);
        Assert.Equal("2016-11-15", ec2.FormValue("Version"));

        var head = server.Requests.Single(r => r.Method == "HEAD");
        Assert.Equal("/bundles/app/v1.zip", head.Path);
        var s3Result = SigV4Verifier.Verify(head, TestAws.SecretKey, session ? TestAws.SessionToken : null, s3: true);
        Assert.True(s3Result.Valid, s3Result.Reason);
        Assert.Equal("s3", s3Result.Service);
        Assert.Equal(TestAws.Region, s3Result.Region);
    }

    [Fact]
    public async Task Verifier_rejects_a_tampered_body_a_wrong_secret_and_a_missing_token()
    {
        await using var server = new LoopbackAwsServer(Reply);
        var aws = new TestAws(server.Url, new SessionAWSCredentials(TestAws.AccessKey, TestAws.SecretKey, TestAws.SessionToken));
        await aws.Rds.DescribeDBInstancesAsync(new() { DBInstanceIdentifier = "db" }, TestContext.Current.CancellationToken);
        var request = server.Last;
        Assert.True(SigV4Verifier.Verify(request, TestAws.SecretKey, TestAws.SessionToken).Valid);

        // Every tampering below must change what was signed, so each is asserted to differ from the original first.
        var tamperedBody = request with { Body = [.. request.Body.Select(b => b == (byte)'d' ? (byte)'e' : b)] };
        Assert.NotEqual(request.Body, tamperedBody.Body);
        Assert.False(SigV4Verifier.Verify(tamperedBody, TestAws.SecretKey, TestAws.SessionToken).Valid);

        Assert.Equal("signature mismatch", SigV4Verifier.Verify(request, TestAws.SecretKey + "x", TestAws.SessionToken).Reason);

        // One second later than signed, whatever second the request was signed at.
        var headers = request.Headers.ToDictionary();
        var signedAt = DateTimeOffset.ParseExact(headers["x-amz-date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        headers["x-amz-date"] = signedAt.AddSeconds(1).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Assert.NotEqual(request.Headers["x-amz-date"], headers["x-amz-date"]);
        Assert.False(SigV4Verifier.Verify(request with { Headers = headers }, TestAws.SecretKey, TestAws.SessionToken).Valid);

        Assert.NotEqual("other-token", TestAws.SessionToken);
        Assert.False(SigV4Verifier.Verify(request, TestAws.SecretKey, "other-token").Valid);
    }
}
