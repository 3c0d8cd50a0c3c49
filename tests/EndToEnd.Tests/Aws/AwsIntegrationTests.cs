using Amazon.EC2.Model;
using Filter = Amazon.EC2.Model.Filter;
using Parameter = Ebops.Operator.Aws.Rds.Parameter;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>
/// Creates real (or simulated) AWS objects with the ebops clients, each uniquely named and tagged
/// <c>ebops.io/test-run=&lt;guid&gt;</c>, checks them through describe calls, deletes them, and verifies that nothing of
/// the run is left. Runs against <c>EBOPS_TEST_AWS_ENDPOINT</c> when set, otherwise against the in-process simulator
/// (services the simulator does not serve yet are skipped with the reason).
/// </summary>
public sealed class AwsIntegrationTests : IAsyncLifetime
{
    private const string RunTag = "ebops.io/test-run";
    private readonly string run = Guid.NewGuid().ToString("N")[..10];
    private AwsTarget target = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Name(string kind) => $"ebops-it-{kind}-{run}";

    public async ValueTask InitializeAsync() => target = await AwsTarget.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await target.DisposeAsync();

    private void Require(string signingName)
    {
        if (!target.Serves(signingName))
        {
            Assert.Skip($"The {target.Description} does not serve '{signingName}' yet (set EBOPS_TEST_AWS_ENDPOINT to run against another endpoint).");
        }
    }

    [Fact]
    public async Task Rds_parameter_group_lifecycle_leaves_nothing_behind()
    {
        Require("rds");
        var name = Name("pg");
        try
        {
            var created = await target.Rds.CreateDBParameterGroupAsync(new()
            {
                DBParameterGroupName = name,
                DBParameterGroupFamily = "mysql8.0",
                Description = "ebops integration test",
                Tags = [new() { Key = RunTag, Value = run }],
            }, Ct);
            Assert.Equal(name, created.DBParameterGroup!.DBParameterGroupName);

            var found = await target.Rds.FindDBParameterGroupAsync(name, Ct);
            Assert.Equal("mysql8.0", found!.DBParameterGroupFamily);

            await target.Rds.ModifyDBParameterGroupAsync(new()
            {
                DBParameterGroupName = name,
                Parameters = [new() { ParameterName = "time_zone", ParameterValue = "Asia/Seoul", ApplyMethod = RdsStatuses.ApplyImmediate }],
            }, Ct);
            var userParameters = new List<Parameter>();
            await foreach (var p in target.Rds.DescribeDBParametersAllAsync(new() { DBParameterGroupName = name, Source = "user" }, Ct))
            {
                userParameters.Add(p);
            }

            Assert.Contains(userParameters, p => p.ParameterName == "time_zone" && p.ParameterValue == "Asia/Seoul");

            var tags = await target.Rds.ListTagsForResourceAsync(new() { ResourceName = found.DBParameterGroupArn }, Ct);
            Assert.Contains(tags.TagList!, t => t.Key == RunTag && t.Value == run);
        }
        finally
        {
            await IgnoreNotFound(() => target.Rds.DeleteDBParameterGroupAsync(new() { DBParameterGroupName = name }, Ct));
        }

        Assert.Null(await target.Rds.FindDBParameterGroupAsync(name, Ct));
        await foreach (var group in target.Rds.DescribeDBParameterGroupsAllAsync(new(), Ct))
        {
            Assert.DoesNotContain(run, group.DBParameterGroupName!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ec2_security_group_with_ingress_rule_leaves_nothing_behind()
    {
        Require("ec2");
        var vpcs = await target.Ec2.DescribeVpcsAsync(null, [new Filter("isDefault", ["true"])], Ct);
        var vpc = vpcs.FirstOrDefault() ?? (await target.Ec2.DescribeVpcsAsync(null, null, Ct)).First();
        var tags = new Dictionary<string, string> { [RunTag] = run };
        string? groupId = null;
        try
        {
            groupId = await target.Ec2.CreateSecurityGroupAsync(Name("sg"), "ebops integration test", vpc.VpcId, tags, Ct);
            var rule = new IpPermission { IpProtocol = "tcp", FromPort = 3306, ToPort = 3306, Ipv4Ranges = [new IpRange { CidrIp = "10.99.0.0/16" }] };
            await target.Ec2.AuthorizeIngressAsync(groupId, [rule], Ct);
            await target.Ec2.AuthorizeIngressAsync(groupId, [rule], Ct); // a duplicate is not an error

            var group = await target.Ec2.FindSecurityGroupAsync(groupId, Ct);
            Assert.Equal(Name("sg"), group!.GroupName);
            Assert.Contains(group.IpPermissions ?? [], p => p.FromPort == 3306 && (p.Ipv4Ranges ?? []).Any(r => r.CidrIp == "10.99.0.0/16"));
            Assert.Contains(group.Tags ?? [], t => t.Key == RunTag && t.Value == run);
            var byTag = await target.Ec2.DescribeSecurityGroupsAsync([new Filter("tag:" + RunTag, [run])], Ct);
            Assert.Equal([groupId], byTag.Select(g => g.GroupId));

            await target.Ec2.RevokeIngressAsync(groupId, [rule], Ct);
            // AWSSDK v4 leaves empty collections null.
            Assert.DoesNotContain((await target.Ec2.FindSecurityGroupAsync(groupId, Ct))!.IpPermissions ?? [], p => p.FromPort == 3306);
        }
        finally
        {
            if (groupId is not null)
            {
                await target.Ec2.DeleteSecurityGroupAsync(groupId, Ct);
            }
        }

        Assert.Null(await target.Ec2.FindSecurityGroupAsync(groupId!, Ct));
        Assert.Empty(await target.Ec2.DescribeSecurityGroupsAsync([new Filter("tag:" + RunTag, [run])], Ct));
    }

    [Fact]
    public async Task Elastic_beanstalk_application_and_version_leave_nothing_behind()
    {
        Require("elasticbeanstalk");
        var app = Name("app");
        try
        {
            var created = await target.ElasticBeanstalk.CreateApplicationAsync(new()
            {
                ApplicationName = app,
                Description = "ebops integration test",
                Tags = [new() { Key = RunTag, Value = run }],
            }, Ct);
            Assert.Equal(app, created.Application!.ApplicationName);
            var found = await target.ElasticBeanstalk.FindApplicationAsync(app, Ct);
            var tags = await target.ElasticBeanstalk.ListTagsForResourceAsync(new() { ResourceArn = found!.ApplicationArn }, Ct);
            Assert.Contains(tags.ResourceTags!, t => t.Key == RunTag && t.Value == run);

            // A real account needs an existing bundle (EBOPS_TEST_AWS_SOURCE_BUNDLE=bucket/key); on the simulator the
            // test uploads one.
            var bundle = Environment.GetEnvironmentVariable("EBOPS_TEST_AWS_SOURCE_BUNDLE")?.Split('/', 2);
            if (bundle is null && !target.External)
            {
                bundle = [$"ebops-it-{run}", "bundle.zip"];
                await target.RawS3.PutBucketAsync(bundle[0], Ct);
                await target.RawS3.PutObjectAsync(new() { BucketName = bundle[0], Key = bundle[1], ContentBody = "bundle" }, Ct);
                Assert.NotNull(await target.S3.HeadObjectAsync(bundle[0], bundle[1], Ct));
            }

            if (bundle is not null)
            {
                await target.ElasticBeanstalk.CreateApplicationVersionAsync(new()
                {
                    ApplicationName = app,
                    VersionLabel = "v1",
                    SourceBundle = new() { S3Bucket = bundle[0], S3Key = bundle[1] },
                    Tags = [new() { Key = RunTag, Value = run }],
                }, Ct);
                Assert.NotNull(await target.ElasticBeanstalk.FindApplicationVersionAsync(app, "v1", Ct));
            }
        }
        finally
        {
            await IgnoreNotFound(() => target.ElasticBeanstalk.DeleteApplicationAsync(new() { ApplicationName = app, TerminateEnvByForce = true }, Ct));
        }

        Assert.Null(await target.ElasticBeanstalk.FindApplicationAsync(app, Ct));
        Assert.Null(await target.ElasticBeanstalk.FindApplicationVersionAsync(app, "v1", Ct));
        if (!target.External)
        {
            await target.RawS3.DeleteObjectAsync($"ebops-it-{run}", "bundle.zip", Ct);
            await target.RawS3.DeleteBucketAsync($"ebops-it-{run}", Ct);
        }
    }

    [Fact]
    public async Task Elbv2_target_group_leaves_nothing_behind()
    {
        Require("elasticloadbalancing");
        var vpcs = await target.Ec2.DescribeVpcsAsync(null, null, Ct);
        var name = $"ebops-it-{run}";
        string? arn = null;
        try
        {
            var created = await target.Elbv2.CreateTargetGroupAsync(new()
            {
                Name = name,
                Protocol = Elbv2Statuses.ProtocolTcp,
                Port = 80,
                VpcId = vpcs.First().VpcId,
                TargetType = Elbv2Statuses.TargetTypeIp,
                Tags = [new() { Key = RunTag, Value = run }],
            }, Ct);
            arn = created.TargetGroups![0].TargetGroupArn!;
            Assert.Equal(name, (await target.Elbv2.FindTargetGroupAsync(name, Ct))!.TargetGroupName);
            Assert.Contains(await target.Elbv2.GetTagsAsync(arn, Ct), t => t.Key == RunTag && t.Value == run);
            var modified = await target.Elbv2.ModifyTargetGroupAsync(new() { TargetGroupArn = arn, HealthyThresholdCount = 3 }, Ct);
            Assert.Equal(3, modified.TargetGroups![0].HealthyThresholdCount);
        }
        finally
        {
            if (arn is not null)
            {
                await IgnoreNotFound(() => target.Elbv2.DeleteTargetGroupAsync(new() { TargetGroupArn = arn }, Ct));
            }
        }

        Assert.Null(await target.Elbv2.FindTargetGroupAsync(name, Ct));
    }

    [Fact]
    public async Task S3_head_object_of_a_missing_bundle_is_null()
    {
        Require("s3");
        Assert.Null(await target.S3.HeadObjectAsync($"ebops-it-{run}", "missing/bundle.zip", Ct));
    }

    private static async Task IgnoreNotFound(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }
}
