using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppCreateTests : IAsyncLifetime
{
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task The_first_reconcile_creates_application_group_and_template_and_reports_ready()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();

        var result = await rig.ReconcileAsync(app);

        Assert.Equal(rig.Settings.PollInterval, result.Delay);
        Assert.Equal(["CreateApplication", "UpdateApplicationResourceLifecycle", "CreateConfigurationTemplate"], rig.Aws.Mutations("elasticbeanstalk"));
        Assert.Equal(["CreateSecurityGroup", "AuthorizeSecurityGroupIngress"], rig.Aws.Mutations("ec2"));
        var status = app.Status!;
        Assert.True(Conditions.IsTrue(status, ConditionTypes.Ready));
        Assert.True(Conditions.IsTrue(status, ConditionTypes.Synced));
        Assert.Equal(1, status.ObservedGeneration);
        Assert.StartsWith("arn:aws:elasticbeanstalk:", status.ApplicationArn);
        Assert.Equal(status.ApplicationArn, status.Aws!.Arn);
        Assert.Equal(SandboxNetwork.VpcId, status.VpcId);
        Assert.StartsWith("sg-", status.InstanceSecurityGroupId);
        Assert.Equal(TemplatePlanner.TemplateName(app.Spec), status.TemplateName);
        Assert.Matches("^[0-9a-f]{16}$", status.ConfigurationHash);
        Assert.Equal(
            [$"created application {app.Spec.ApplicationName}", $"created security group {status.InstanceSecurityGroupId}", $"created configuration template {status.TemplateName}"],
            rig.Events.Events.Where(e => e.Reason == BeanstalkAppReasons.Created && e.Type == "Normal").Select(e => e.Note));

        var template = await rig.TemplateAsync(app);
        Assert.Equal("2", template[$"{O.AutoScalingGroup}/{O.MinSize}"]);
        Assert.Equal("4", template[$"{O.AutoScalingGroup}/{O.MaxSize}"]);
        Assert.Equal(status.InstanceSecurityGroupId, template[$"{O.LaunchConfiguration}/{O.SecurityGroups}"]);
        Assert.Equal(SandboxNetwork.VpcId, template[$"{O.Vpc}/{O.VpcId}"]);
        Assert.Equal("myapp-db.abc.ap-northeast-2.rds.amazonaws.com", template[$"{O.ApplicationEnvironment}/{O.RdsHostname}"]);
        Assert.Equal("3306", template[$"{O.ApplicationEnvironment}/{O.RdsPort}"]);
        Assert.Equal("myapp", template[$"{O.ApplicationEnvironment}/{O.RdsDbName}"]);
        Assert.Equal("admin", template[$"{O.ApplicationEnvironment}/{O.RdsUsername}"]);
        Assert.Equal(BeanstalkAppRig.Password, template[$"{O.ApplicationEnvironment}/{O.RdsPassword}"]);
        Assert.Equal("5000", template[$"{O.ApplicationEnvironment}/SERVER_PORT"]);
        Assert.Equal("enhanced", template[$"{O.HealthReporting}/{O.SystemType}"]);
        Assert.DoesNotContain(BeanstalkAppRig.Password, rig.Visible(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_network_the_default_vpc_and_its_subnets_are_used()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App(change: s => s.Network = null);

        await rig.ReconcileAsync(app);

        Assert.Equal(SandboxNetwork.VpcId, app.Status!.VpcId);
        var template = await rig.TemplateAsync(app);
        Assert.Equal([SandboxNetwork.SubnetA, SandboxNetwork.SubnetC], template[$"{O.Vpc}/{O.Subnets}"]!.Split(',').Select(s => s.Trim()).Order());
        Assert.Equal("false", template[$"{O.Vpc}/{O.AssociatePublicIpAddress}"]);
    }

    [Fact]
    public async Task A_reconcile_after_a_lost_answer_takes_over_what_the_first_one_created()
    {
        rig.DatabaseReady();
        var first = BeanstalkAppRig.App();
        await rig.ReconcileAsync(first);

        // The status write was lost: the next reconcile starts from an empty status.
        var again = BeanstalkAppRig.App();
        await rig.ReconcileAsync(again);

        Assert.Equal(first.Status!.InstanceSecurityGroupId, again.Status!.InstanceSecurityGroupId);
        Assert.Single(rig.Aws.World.Calls.Find("elasticbeanstalk", "CreateApplication"));
        Assert.Single(rig.Aws.World.Calls.Find("elasticbeanstalk", "CreateConfigurationTemplate"));
        Assert.Single(rig.Aws.World.Calls.Find("ec2", "CreateSecurityGroup"));
        Assert.True(Conditions.IsTrue(again.Status, ConditionTypes.Ready));
    }
}
