using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Tests.Aws.Support;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws;

/// <summary>Responses shaped like the AWS API reference examples (Fixtures/&lt;service&gt;/&lt;Operation&gt;.xml), served over
/// HTTP through the whole client pipeline: values, empty lists, pagination tokens and both error shapes.</summary>
public sealed class FixtureTests
{
    private static string Fixture(string service, string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Operator.Tests", "Aws", "Fixtures", service, name + ".xml"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IEnumerable<TheoryDataRow<string, string>> Operations() => OperationTable.All();

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_has_a_fixture_that_matches_the_model_and_parses_completely(string service, string operation)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Operator.Tests", "Aws", "Fixtures", service, operation + ".xml");
        Assert.True(File.Exists(path), $"No fixture for {service} {operation}: write {path} from the API reference example.");
        var xml = File.ReadAllText(path);
        var document = System.Xml.Linq.XDocument.Parse(xml);
        var model = new QueryModelValidator(AwsModels.Load(OperationTable.Services[service].Model));
        Assert.Empty(FixtureModelCheck.Validate(model, operation, document));

        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(xml));
        var method = OperationTable.FacadeInterface(service).GetMethod(operation + "Async")!;
        var task = (Task)method.Invoke(new TestAws(server.Url).Facade(service), [SampleRequests.Build(method.GetParameters()[0].ParameterType), Ct])!;
        await task;

        if (method.ReturnType == typeof(Task))
        {
            Assert.Empty(FixtureModelCheck.Leaves(document));
            return;
        }

        var result = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var missing = FixtureModelCheck.Leaves(document).Where(leaf => !FixtureModelCheck.Contains(result, leaf)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Eb_create_application()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elasticbeanstalk", "CreateApplication")));
        var response = await new TestAws(server.Url).ElasticBeanstalk.CreateApplicationAsync(
            new() { ApplicationName = "SampleApp", Description = "Sample Description", Tags = [new() { Key = "ebops.io/name", Value = "shop" }] }, Ct);

        var app = response.Application!;
        Assert.Equal("SampleApp", app.ApplicationName);
        Assert.Equal(new DateTimeOffset(2010, 11, 16, 23, 9, 20, 256, TimeSpan.Zero), app.DateCreated);
        Assert.Empty(app.Versions!);
        Assert.Equal(["Default"], app.ConfigurationTemplates!);
        Assert.Equal("ebops.io/name", server.Last.FormValue("Tags.member.1.Key"));
    }

    [Fact]
    public async Task Eb_describe_environments_and_find()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elasticbeanstalk", "DescribeEnvironments")));
        var eb = new TestAws(server.Url).ElasticBeanstalk;

        var env = await eb.FindEnvironmentAsync("SampleApp", "SampleApp-blue", Ct);

        Assert.NotNull(env);
        Assert.Equal(ElasticBeanstalkStatuses.EnvironmentReady, env.Status);
        Assert.Equal(ElasticBeanstalkStatuses.HealthGreen, env.Health);
        Assert.Equal(ElasticBeanstalkStatuses.HealthStatusOk, env.HealthStatus);
        Assert.Equal("SampleApp-jmu.elasticbeanstalk.amazonaws.com", env.CNAME);
        Assert.False(env.AbortableOperationInProgress);
        Assert.Equal("WebServer", env.Tier!.Name);
        Assert.Empty(env.EnvironmentLinks!);
        Assert.Null(env.Resources);
        Assert.Equal("SampleApp-blue", server.Last.FormValue("EnvironmentNames.member.1"));
        Assert.Equal("false", server.Last.FormValue("IncludeDeleted"));
        Assert.Null(await eb.FindEnvironmentAsync("SampleApp", "SampleApp-green", Ct));
    }

    [Fact]
    public async Task Eb_describe_environment_health()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elasticbeanstalk", "DescribeEnvironmentHealth")));
        var health = await new TestAws(server.Url).ElasticBeanstalk.DescribeEnvironmentHealthAsync(
            new() { EnvironmentName = "SampleApp-blue", AttributeNames = [ElasticBeanstalkStatuses.AttributeAll] }, Ct);

        Assert.Equal("Ok", health.HealthStatus);
        Assert.Equal(45, health.ApplicationMetrics!.RequestCount);
        Assert.Equal(45, health.ApplicationMetrics.StatusCodes!.Status2xx);
        Assert.Equal(0.004, health.ApplicationMetrics.Latency!.P99);
        Assert.Equal(2, health.InstancesHealth!.Ok);
        Assert.Empty(health.Causes!);
        Assert.Equal("All", server.Last.FormValue("AttributeNames.member.1"));
    }

    [Fact]
    public async Task Eb_describe_events_follows_next_token()
    {
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(Fixture("elasticbeanstalk", r.FormValue("NextToken") is null ? "DescribeEvents" : "DescribeEvents.page2")));
        var events = new List<Event>();
        await foreach (var e in new TestAws(server.Url).ElasticBeanstalk.DescribeEventsAllAsync(new() { EnvironmentName = "SampleApp-blue" }, Ct))
        {
            events.Add(e);
        }

        Assert.Equal(["Successfully launched environment: SampleApp-blue", "createEnvironment is starting."], events.Select(e => e.Message));
        Assert.Equal([null, "page-2-token"], server.Requests.Select(r => r.FormValue("NextToken")));
    }

    [Fact]
    public async Task Eb_check_dns_and_empty_tags()
    {
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(Fixture("elasticbeanstalk", r.FormValue("Action")!)));
        var eb = new TestAws(server.Url).ElasticBeanstalk;

        var dns = await eb.CheckDNSAvailabilityAsync(new() { CNAMEPrefix = "sampleapp" }, Ct);
        var tags = await eb.ListTagsForResourceAsync(new() { ResourceArn = "arn:aws:elasticbeanstalk:us-west-2:123456789012:application/SampleApp" }, Ct);

        Assert.True(dns.Available);
        Assert.Equal("sampleapp.elasticbeanstalk.amazonaws.com", dns.FullyQualifiedCNAME);
        Assert.NotNull(tags.ResourceTags);
        Assert.Empty(tags.ResourceTags);
    }

    [Fact]
    public async Task Eb_terminate_missing_environment_is_not_found()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elasticbeanstalk", "TerminateEnvironment.error"), 400));
        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            new TestAws(server.Url).ElasticBeanstalk.TerminateEnvironmentAsync(new() { EnvironmentName = "SampleApp-green" }, Ct));

        Assert.True(e.IsNotFound);
        Assert.Equal("3d2a8f0c-5b4e-4c1b-9a7e-7f6f9b2c1e22", e.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Elbv2_create_network_load_balancer()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elbv2", "CreateLoadBalancer")));
        var response = await new TestAws(server.Url).Elbv2.CreateLoadBalancerAsync(new()
        {
            Name = "my-network-load-balancer",
            Type = Elbv2Statuses.TypeNetwork,
            SubnetMappings = [new() { SubnetId = "subnet-8360a9e7", AllocationId = "eipalloc-64d5890a" }],
        }, Ct);

        var lb = Assert.Single(response.LoadBalancers!);
        Assert.Equal(Elbv2Statuses.LoadBalancerProvisioning, lb.State!.Code);
        Assert.Equal("35.161.207.171", lb.AvailabilityZones![0].LoadBalancerAddresses![0].IpAddress);
        Assert.Equal("eipalloc-64d5890a", server.Last.FormValue("SubnetMappings.member.1.AllocationId"));
    }

    [Fact]
    public async Task Elbv2_target_health_and_tags()
    {
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(Fixture("elbv2", r.FormValue("Action")!)));
        var elb = new TestAws(server.Url).Elbv2;

        var health = await elb.DescribeTargetHealthAsync(new() { TargetGroupArn = "arn:tg" }, Ct);
        var tags = await elb.DescribeTagsAsync(new() { ResourceArns = ["arn:a", "arn:b"] }, Ct);

        Assert.Equal([Elbv2Statuses.TargetHealthy, Elbv2Statuses.TargetUnhealthy], health.TargetHealthDescriptions!.Select(d => d.TargetHealth!.State));
        Assert.Equal("Target.FailedHealthChecks", health.TargetHealthDescriptions![1].TargetHealth!.Reason);
        Assert.Equal(80, health.TargetHealthDescriptions![0].Target!.Port);
        Assert.Equal(2, tags.TagDescriptions![0].Tags!.Count);
        Assert.Empty(tags.TagDescriptions![1].Tags!);
        Assert.Equal("arn:b", server.Last.FormValue("ResourceArns.member.2"));
    }

    [Fact]
    public async Task Elbv2_missing_load_balancer()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("elbv2", "DescribeLoadBalancers.error"), 400));
        var elb = new TestAws(server.Url).Elbv2;
        Assert.Null(await elb.FindLoadBalancerAsync("shop-nlb", Ct));
        var e = await Assert.ThrowsAsync<AwsApiException>(() => elb.DescribeLoadBalancersAsync(new() { Names = ["shop-nlb"] }, Ct));
        Assert.Equal(Elbv2Errors.LoadBalancerNotFound, e.Code);
    }

    [Fact]
    public async Task Rds_describe_db_instances_follows_marker_across_pages()
    {
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(Fixture("rds", r.FormValue("Marker") is null ? "DescribeDBInstances" : "DescribeDBInstances.page2")));
        var instances = new List<DBInstance>();
        await foreach (var db in new TestAws(server.Url).Rds.DescribeDBInstancesAllAsync(new(), Ct))
        {
            instances.Add(db);
        }

        Assert.Equal(["shop-db", "other-db"], instances.Select(i => i.DBInstanceIdentifier));
        var shop = instances[0];
        Assert.Equal(RdsStatuses.Available, shop.DBInstanceStatus);
        Assert.Equal(3306, shop.Endpoint!.Port);
        Assert.Equal("sg-0a1b2c3d", shop.VpcSecurityGroups![0].VpcSecurityGroupId);
        Assert.Equal(RdsStatuses.ParameterPendingReboot, shop.DBParameterGroups![0].ParameterApplyStatus);
        Assert.Equal("ap-northeast-2a", shop.DBSubnetGroup!.Subnets![0].SubnetAvailabilityZone!.Name);
        Assert.Equal("shop", shop.TagList![0].Value);
        Assert.True(shop.DeletionProtection);
        Assert.Equal("db.t3.small", instances[1].PendingModifiedValues!.DBInstanceClass);
        Assert.Equal([null, "page-2-marker"], server.Requests.Select(r => r.FormValue("Marker")));
    }

    [Fact]
    public async Task Rds_parameters_and_empty_tag_list()
    {
        await using var server = new LoopbackAwsServer(r => ServerReply.Xml(Fixture("rds", r.FormValue("Action")!)));
        var rds = new TestAws(server.Url).Rds;

        var parameters = await rds.DescribeDBParametersAsync(new() { DBParameterGroupName = "shop-mysql80", Source = "user" }, Ct);
        var tags = await rds.ListTagsForResourceAsync(new() { ResourceName = "arn:aws:rds:ap-northeast-2:123456789012:db:shop-db" }, Ct);

        Assert.Equal("Asia/Seoul", parameters.Parameters![0].ParameterValue);
        Assert.Equal(RdsStatuses.ApplyImmediate, parameters.Parameters[0].ApplyMethod);
        Assert.True(parameters.Parameters[1].IsModifiable);
        Assert.Null(parameters.Marker);
        Assert.Empty(tags.TagList!);
    }

    [Fact]
    public async Task Rds_create_that_already_exists()
    {
        await using var server = new LoopbackAwsServer(_ => ServerReply.Xml(Fixture("rds", "CreateDBInstance.error"), 400));
        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            new TestAws(server.Url).Rds.CreateDBInstanceAsync(new() { DBInstanceIdentifier = "shop-db", DBInstanceClass = "db.t3.micro", Engine = "mysql" }, Ct));
        Assert.True(e.IsAlreadyExists);
        Assert.Equal(RdsErrors.DBInstanceAlreadyExists, e.Code);
    }

    [Fact]
    public async Task Ec2_security_groups_and_dependency_violation()
    {
        await using var server = new LoopbackAwsServer(r => r.FormValue("Action") == "DeleteSecurityGroup"
            ? ServerReply.Xml(Fixture("ec2", "DeleteSecurityGroup.error"), 400)
            : ServerReply.Xml(Fixture("ec2", "DescribeSecurityGroups")));
        var ec2 = new TestAws(server.Url).Ec2;

        var group = await ec2.FindSecurityGroupAsync("sg-0a1b2c3d", Ct);
        var e = await Assert.ThrowsAsync<AwsApiException>(() => ec2.DeleteSecurityGroupAsync("sg-0a1b2c3d", Ct));

        Assert.Equal("shop-db", group!.GroupName);
        Assert.Equal(3306, group.IpPermissions[0].FromPort);
        Assert.Equal("10.0.0.0/16", group.IpPermissions[0].Ipv4Ranges[0].CidrIp);
        Assert.Equal("shop", group.Tags[0].Value);
        Assert.Equal(AwsErrorKind.Conflict, e.Kind);
        Assert.Equal("ea966190-f9aa-478e-9ede-example", e.RequestId);
    }
}
