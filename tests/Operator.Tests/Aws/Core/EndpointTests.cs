using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Tests.Aws.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Tests.Aws.Core;

public sealed class EndpointTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Theory]
    [InlineData("ap-northeast-2", "elasticbeanstalk", "https://elasticbeanstalk.ap-northeast-2.amazonaws.com/")]
    [InlineData("cn-north-1", "elasticbeanstalk", "https://elasticbeanstalk.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "rds", "https://rds.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "elbv2", "https://elasticloadbalancing.us-gov-west-1.amazonaws.com/")]
    [InlineData("eu-west-1", "elbv2", "https://elasticloadbalancing.eu-west-1.amazonaws.com/")]
    public void Defaults_follow_the_partition(string region, string service, string expected)
    {
        var (url, overridden) = AwsEndpoints.Resolve(AwsService.All.Single(s => s.Key == service), region, new AwsOptions(), Env());
        Assert.Equal(expected, url.ToString());
        Assert.False(overridden);
    }

    [Fact]
    public void Overrides_apply_in_order_options_service_then_global_then_env_service_then_global()
    {
        var eb = AwsService.ElasticBeanstalk;
        var env = Env(("AWS_ENDPOINT_URL", "http://global-env:1"), ("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", "http://eb-env:2"));
        Assert.Equal("http://eb-env:2/", AwsEndpoints.Resolve(eb, "us-east-1", new AwsOptions(), env).Url.ToString());
        Assert.Equal("http://global-env:1/", AwsEndpoints.Resolve(AwsService.Rds, "us-east-1", new AwsOptions(), env).Url.ToString());
        Assert.Equal("http://opt:3/", AwsEndpoints.Resolve(eb, "us-east-1", new AwsOptions { EndpointUrl = "http://opt:3" }, env).Url.ToString());
        var own = new AwsOptions { EndpointUrl = "http://opt:3", Endpoints = { ["elasticbeanstalk"] = "http://own:4" } };
        Assert.Equal("http://own:4/", AwsEndpoints.Resolve(eb, "us-east-1", own, env).Url.ToString());
        var ignored = Env(("AWS_ENDPOINT_URL", "http://global-env:1"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        Assert.False(AwsEndpoints.Resolve(eb, "us-east-1", new AwsOptions(), ignored).Overridden);
    }

    [Theory]
    [InlineData("elasticbeanstalk", "ELASTIC_BEANSTALK")]
    [InlineData("elbv2", "ELASTIC_LOAD_BALANCING_V2")]
    [InlineData("rds", "RDS")]
    [InlineData("ec2", "EC2")]
    [InlineData("s3", "S3")]
    public void Service_endpoint_variables_use_the_sdk_names(string key, string suffix)
    {
        var service = AwsService.All.Single(s => s.Key == key);
        Assert.Equal(suffix, service.EnvSuffix);
        Assert.Equal(service.ServiceId.ToUpperInvariant().Replace(' ', '_'), service.EnvSuffix);
        Assert.Equal("http://x:9/", AwsEndpoints.Resolve(service, "us-east-1", new AwsOptions(), Env(("AWS_ENDPOINT_URL_" + suffix, "http://x:9"))).Url.ToString());
    }

    [Fact]
    public void Region_comes_from_options_then_environment()
    {
        Assert.Equal("eu-west-1", AwsRegion.Resolve(new AwsOptions { Region = "eu-west-1" }, Env(("AWS_REGION", "us-east-1"))));
        Assert.Equal("us-east-1", AwsRegion.Resolve(new AwsOptions(), Env(("AWS_REGION", "us-east-1"), ("AWS_DEFAULT_REGION", "us-west-2"))));
        Assert.Equal("us-west-2", AwsRegion.Resolve(new AwsOptions(), Env(("AWS_DEFAULT_REGION", "us-west-2"))));
    }

    [Fact]
    public void Options_are_validated_at_start_up()
    {
        var bad = new AwsOptionsValidator().Validate(null, new AwsOptions
        {
            Region = "Seoul",
            MaxAttempts = 0,
            EndpointUrl = "not a url",
            Endpoints = { ["lambda"] = "http://x" },
        });
        Assert.True(bad.Failed);
        Assert.Equal(4, bad.Failures!.Count());
        Assert.True(new AwsOptionsValidator().Validate(null, new AwsOptions { Region = "ap-northeast-2" }).Succeeded);
    }

    [Fact]
    public async Task Add_ebops_aws_binds_options_and_registers_the_five_facades()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "ap-northeast-2",
            ["Aws:MaxAttempts"] = "5",
            ["Aws:RetryMode"] = "Standard",
            ["Aws:Endpoints:rds"] = "http://127.0.0.1:1/",
        }).Build();
        await using var provider = new ServiceCollection().AddEbopsAws(config).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(AwsRetryMode.Standard, options.RetryMode);
        Assert.Equal("http://127.0.0.1:1/", options.Endpoints["rds"]);
        Assert.NotNull(provider.GetRequiredService<IElasticBeanstalkApi>());
        Assert.NotNull(provider.GetRequiredService<Ebops.Operator.Aws.Elbv2.IElbv2Api>());
        Assert.NotNull(provider.GetRequiredService<IRdsApi>());
        Assert.NotNull(provider.GetRequiredService<Ebops.Operator.Aws.Ec2.IEc2Api>());
        Assert.NotNull(provider.GetRequiredService<Ebops.Operator.Aws.S3.IS3Api>());

        var invalid = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Aws:MaxAttempts"] = "99" }).Build();
        await using var broken = new ServiceCollection().AddEbopsAws(invalid).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => broken.GetRequiredService<IOptions<AwsOptions>>().Value);
    }

    [Fact]
    public async Task A_write_its_limiter_would_hold_fails_fast_as_throttled_without_reaching_aws()
    {
        var requests = 0;
        await using var server = new LoopbackAwsServer(_ =>
        {
            Interlocked.Increment(ref requests);
            return ServerReply.Xml(
                "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>", 400);
        });
        var aws = new TestAws(server.Url, retryMode: AwsRetryMode.Adaptive, maxAttempts: 1);
        await Assert.ThrowsAsync<AwsApiException>(() => aws.Rds.RebootDBInstanceAsync(new() { DBInstanceIdentifier = "db" }, TestContext.Current.CancellationToken));

        var refused = await Assert.ThrowsAsync<AwsApiException>(() => aws.Rds.RebootDBInstanceAsync(new() { DBInstanceIdentifier = "db" }, TestContext.Current.CancellationToken));

        Assert.Equal(("ClientRateLimited", AwsErrorKind.Throttled), (refused.Code, refused.Kind));
        Assert.Equal(1, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task Adaptive_mode_turns_on_the_limiter_of_the_throttled_operation_only()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>", 400));
        var aws = new TestAws(server.Url, retryMode: AwsRetryMode.Adaptive, maxAttempts: 1);
        var limiter = aws.Factory.Limiter(AwsService.Rds, "DescribeDBSnapshots")!;
        Assert.False(limiter.Enabled);

        await Assert.ThrowsAsync<AwsApiException>(() => aws.Rds.DescribeDBSnapshotsAsync(new(), TestContext.Current.CancellationToken));

        Assert.True(limiter.Enabled);
        Assert.True(limiter.FillRate < AdaptiveRateLimiter.MaxRate);
        Assert.False(aws.Factory.Limiter(AwsService.Rds, "DescribeDBInstances")!.Enabled);
        Assert.False(aws.Factory.Limiter(AwsService.ElasticBeanstalk, "DescribeDBSnapshots")!.Enabled);
        Assert.Null(new TestAws(server.Url, retryMode: AwsRetryMode.Standard).Factory.Limiter(AwsService.Rds, "DescribeDBSnapshots"));
    }

    [Fact]
    public async Task Endpoint_variables_route_real_calls_per_service()
    {
        await using var ebServer = new LoopbackAwsServer(r => ServerReply.Xml("<CheckDNSAvailabilityResponse><CheckDNSAvailabilityResult><Available>true</Available></CheckDNSAvailabilityResult></CheckDNSAvailabilityResponse>"));
        await using var other = new LoopbackAwsServer(r => ServerReply.Xml($"<{r.FormValue("Action")}Response><{r.FormValue("Action")}Result/></{r.FormValue("Action")}Response>"));
        var env = Env(("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", ebServer.Url), ("AWS_ENDPOINT_URL", other.Url));
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions { Region = "eu-west-1" }), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, env,
            new Amazon.Runtime.BasicAWSCredentials(TestAws.AccessKey, TestAws.SecretKey));
        var ct = TestContext.Current.CancellationToken;

        await factory.CreateElasticBeanstalkApi().CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "x" }, ct);
        await factory.CreateRdsApi().DescribeDBSnapshotsAsync(new(), ct);

        Assert.Equal("CheckDNSAvailability", Assert.Single(ebServer.Requests).FormValue("Action"));
        var rds = Assert.Single(other.Requests);
        Assert.Equal("DescribeDBSnapshots", rds.FormValue("Action"));
        var signature = SigV4Verifier.Verify(rds, TestAws.SecretKey, null);
        Assert.True(signature.Valid, signature.Reason);
        Assert.Equal("eu-west-1", signature.Region);
    }
}
