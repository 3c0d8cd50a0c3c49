using Amazon.EC2.Model;
using Amazon.Runtime;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Filter = Amazon.EC2.Model.Filter;
using RdsParameter = Ebops.Operator.Aws.Rds.Parameter;
using RdsTag = Ebops.Operator.Aws.Rds.Tag;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>
/// The operator's own AWS clients (src/Operator/Aws) against the simulator (src/Sandbox/Aws): two independent
/// implementations of the same wire protocols must agree, call by call, on RDS, EC2 and S3.
/// </summary>
public sealed class OperatorClientsAgainstSimulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(AwsSimulator Sim, FakeTimeProvider Time, AwsClientFactory Factory)> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        // The clients sign with the real clock; the simulator's clock is fake, so the skew check is off.
        var sim = await AwsSimulator.StartAsync(new AwsSimulatorOptions
        {
            TimeProvider = time, Timing = new SimTiming(1), MaxClockSkew = null, PageSizes = { ["rds"] = 1, ["ec2"] = 1 },
        }, Ct);
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions { Region = sim.Region, EndpointUrl = sim.Endpoint.ToString(), MaxAttempts = 1 }),
            TimeProvider.System, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials(sim.AccessKeyId, sim.SecretAccessKey));
        return (sim, time, factory);
    }

    [Fact]
    public async Task Rds_lifecycle_through_the_operator_client()
    {
        var (sim, time, factory) = await StartAsync();
        await using var _ = sim;
        var rds = factory.CreateRdsApi();
        Assert.Null(await rds.FindDBInstanceAsync("orders", Ct));

        await rds.CreateDBParameterGroupAsync(new CreateDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-params", DBParameterGroupFamily = "mysql8.0", Description = "orders",
            Tags = [new RdsTag { Key = "ebops.io/name", Value = "orders" }],
        }, Ct);
        await rds.ModifyDBParameterGroupAsync(new ModifyDBParameterGroupRequest
        {
            DBParameterGroupName = "orders-params",
            Parameters = [new RdsParameter { ParameterName = "time_zone", ParameterValue = "Asia/Seoul", ApplyMethod = "immediate" }],
        }, Ct);
        var created = await rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", DBInstanceClass = "db.t4g.micro", Engine = "mysql", EngineVersion = "8.0.40",
            AllocatedStorage = 20, MasterUsername = "admin", MasterUserPassword = "Operator-Passw0rd", DBName = "shop",
            Tags = [new RdsTag { Key = "ebops.io/name", Value = "orders" }],
        }, Ct);
        Assert.Equal("creating", created.DBInstance!.DBInstanceStatus);

        time.Advance(TimeSpan.FromMinutes(10));
        var available = await rds.FindDBInstanceAsync("orders", Ct);
        Assert.Equal("available", available!.DBInstanceStatus);
        Assert.Equal(3306, available.Endpoint!.Port);
        Assert.Equal("ebops.io/name", Assert.Single(available.TagList!).Key);

        await rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", DBParameterGroupName = "orders-params", ApplyImmediately = true,
        }, Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var pending = await rds.FindDBInstanceAsync("orders", Ct);
        Assert.Equal("pending-reboot", Assert.Single(pending!.DBParameterGroups!).ParameterApplyStatus);
        await rds.RebootDBInstanceAsync(new RebootDBInstanceRequest { DBInstanceIdentifier = "orders" }, Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("in-sync", Assert.Single((await rds.FindDBInstanceAsync("orders", Ct))!.DBParameterGroups!).ParameterApplyStatus);

        var user = await rds.DescribeDBParametersAsync(new DescribeDBParametersRequest { DBParameterGroupName = "orders-params", Source = "user" }, Ct);
        Assert.Equal("Asia/Seoul", Assert.Single(user.Parameters!).ParameterValue);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => rds.DeleteDBInstanceAsync(
            new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders" }, Ct));
        Assert.Equal("InvalidParameterCombination", error.Code);
        await rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", FinalDBSnapshotIdentifier = "orders-final" }, Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(await rds.FindDBInstanceAsync("orders", Ct));
        var snapshots = await rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBInstanceIdentifier = "orders" }, Ct);
        Assert.Equal("available", Assert.Single(snapshots.DBSnapshots!).Status);
        Assert.DoesNotContain(sim.World.Calls.All.SelectMany(c => c.Parameters.Values), v => v.Contains("Operator-Passw0rd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ec2_and_s3_through_the_operator_clients()
    {
        var (sim, _, factory) = await StartAsync();
        await using var __ = sim;
        var ec2 = factory.CreateEc2Api();
        var s3 = factory.CreateS3Api();

        var subnets = await ec2.DescribeSubnetsAsync(null, [new Filter("vpc-id", [SandboxNetwork.VpcId])], Ct);
        Assert.Equal(2, subnets.Count);
        var group = await ec2.CreateSecurityGroupAsync("orders-db", "orders", SandboxNetwork.VpcId, new Dictionary<string, string> { ["ebops.io/name"] = "orders" }, Ct);
        var permission = new IpPermission { IpProtocol = "tcp", FromPort = 3306, ToPort = 3306, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] };
        await ec2.AuthorizeIngressAsync(group, [permission], Ct);
        await ec2.AuthorizeIngressAsync(group, [permission], Ct);
        var found = await ec2.DescribeSecurityGroupsAsync([new Filter("tag:ebops.io/name", ["orders"])], Ct);
        Assert.Equal("10.0.0.0/16", Assert.Single(Assert.Single(Assert.Single(found).IpPermissions).Ipv4Ranges).CidrIp);
        await ec2.RevokeIngressAsync(group, [permission], Ct);
        await ec2.RevokeIngressAsync(group, [permission], Ct);

        var (allocationId, publicIp) = await ec2.AllocateAddressAsync(new Dictionary<string, string> { ["ebops.io/name"] = "front" }, Ct);
        Assert.Equal(publicIp, Assert.Single(await ec2.DescribeAddressesAsync([allocationId], null, Ct)).PublicIp);
        await ec2.ReleaseAddressAsync(allocationId, Ct);
        await ec2.ReleaseAddressAsync(allocationId, Ct);
        await ec2.DeleteSecurityGroupAsync(group, Ct);
        Assert.Null(await ec2.FindSecurityGroupAsync(group, Ct));

        sim.World.S3.PutObject("bundles", "shop/v1.zip", [1, 2, 3, 4]);
        var head = await s3.HeadObjectAsync("bundles", "shop/v1.zip", Ct);
        Assert.Equal(4, head!.ContentLength);
        Assert.Null(await s3.HeadObjectAsync("bundles", "shop/v2.zip", Ct));
    }
}
