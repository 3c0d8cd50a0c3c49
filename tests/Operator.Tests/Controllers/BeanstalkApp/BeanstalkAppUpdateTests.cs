using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

/// <summary>Each mutable field, changed after creation, reaches AWS with exactly the calls it needs.</summary>
public sealed class BeanstalkAppUpdateTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    public static TheoryData<string> TemplateFields =>
    [
        "capacity.min", "capacity.max", "capacity.instanceType", "loadBalancer.healthCheckPath", "loadBalancer.listenerPort",
        "env added", "env removed", "optionSettings", "serviceRole", "instanceProfile", "network.associatePublicIpAddress",
        "network.loadBalancerSubnets",
    ];

    private static (Action<BeanstalkAppSpec> Change, Func<IReadOnlyDictionary<string, string?>, bool> Applied) Case(string field) => field switch
    {
        "capacity.min" => (s => s.Capacity.Min = 3, t => t[$"{O.AutoScalingGroup}/{O.MinSize}"] == "3"),
        "capacity.max" => (s => s.Capacity.Max = 6, t => t[$"{O.AutoScalingGroup}/{O.MaxSize}"] == "6"),
        "capacity.instanceType" => (s => s.Capacity.InstanceType = "t3.medium", t => t[$"{O.Ec2Instances}/{O.InstanceTypes}"] == "t3.medium"),
        "loadBalancer.healthCheckPath" => (s => s.LoadBalancer.HealthCheckPath = "/health", t => t[$"{O.DefaultProcess}/{O.HealthCheckPath}"] == "/health"),
        "loadBalancer.listenerPort" => (s => s.LoadBalancer.ListenerPort = 8080,
            t => t.GetValueOrDefault($"{O.DefaultListener}/{O.ListenerEnabled}") == "false" && t.GetValueOrDefault($"aws:elbv2:listener:8080/{O.ListenerEnabled}") == "true"),
        "env added" => (s => s.Env!["FEATURE"] = "on", t => t.GetValueOrDefault($"{O.ApplicationEnvironment}/FEATURE") == "on"),
        "env removed" => (s => s.Env!.Remove("SERVER_PORT"), t => !t.ContainsKey($"{O.ApplicationEnvironment}/SERVER_PORT")),
        "optionSettings" => (s => s.OptionSettings = [new EbOptionSetting { Namespace = "aws:elasticbeanstalk:command", OptionName = "DeploymentPolicy", Value = "Rolling" }],
            t => t.GetValueOrDefault("aws:elasticbeanstalk:command/DeploymentPolicy") == "Rolling"),
        "serviceRole" => (s => s.ServiceRole = "custom-eb-role", t => t[$"{O.Environment}/{O.ServiceRole}"] == "custom-eb-role"),
        "instanceProfile" => (s => s.InstanceProfile = "custom-ec2-role", t => t[$"{O.LaunchConfiguration}/{O.IamInstanceProfile}"] == "custom-ec2-role"),
        "network.associatePublicIpAddress" => (s => s.Network!.AssociatePublicIpAddress = false, t => t[$"{O.Vpc}/{O.AssociatePublicIpAddress}"] == "false"),
        "network.loadBalancerSubnets" => (s => s.Network!.LoadBalancerSubnets = [Sandbox.Aws.Core.SandboxNetwork.SubnetC],
            t => t[$"{O.Vpc}/{O.ElbSubnets}"] == Sandbox.Aws.Core.SandboxNetwork.SubnetC),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(TemplateFields))]
    public async Task A_template_field_change_is_one_template_update_and_a_new_configuration_hash(string field)
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        var hash = app.Status!.ConfigurationHash;
        rig.Aws.World.Calls.Clear();
        rig.Events.Events.Clear();
        var (change, applied) = Case(field);

        BeanstalkAppRig.Edit(app, change);
        await rig.ReconcileAsync(app);

        // The service role is also the version lifecycle's role on the application.
        Assert.Equal(field == "serviceRole" ? ["UpdateApplicationResourceLifecycle", "UpdateConfigurationTemplate"] : ["UpdateConfigurationTemplate"],
            rig.Aws.Mutations());
        Assert.True(applied(await rig.TemplateAsync(app)), field);
        Assert.NotEqual(hash, app.Status.ConfigurationHash);
        Assert.Equal(2, app.Status.ObservedGeneration);
        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Ready));
        Assert.Empty(rig.Events.Events);
    }

    [Fact]
    public async Task A_raw_option_removed_from_the_spec_is_removed_from_the_template()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App(change: s => s.OptionSettings =
            [new EbOptionSetting { Namespace = "aws:elasticbeanstalk:command", OptionName = "DeploymentPolicy", Value = "Rolling" }]);
        await rig.ReconcileAsync(app);
        Assert.Equal(["aws:elasticbeanstalk:command/DeploymentPolicy"], app.Status!.AppliedOptionSettings);

        BeanstalkAppRig.Edit(app, s => s.OptionSettings = null);
        await rig.ReconcileAsync(app);

        Assert.NotEqual("Rolling", (await rig.TemplateAsync(app)).GetValueOrDefault("aws:elasticbeanstalk:command/DeploymentPolicy"));
        Assert.Null(app.Status.AppliedOptionSettings);
    }

    [Fact]
    public async Task The_version_lifecycle_is_updated_on_the_application()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        rig.Aws.World.Calls.Clear();

        BeanstalkAppRig.Edit(app, s => s.VersionLifecycle = new EbVersionLifecycle { MaxCount = 5, DeleteSourceFromS3 = true });
        await rig.ReconcileAsync(app);

        Assert.Equal(["UpdateApplicationResourceLifecycle"], rig.Aws.Mutations());
        var observed = await rig.Managers.Applications.ReadAsync("myapp", Operator.Resources.ReadMode.Live, Ct);
        Assert.Equal(new Operator.Resources.ElasticBeanstalk.EbVersionLifecycleRule(5, true), observed!.Lifecycle);
    }

    [Fact]
    public async Task Ingress_rules_are_authorized_and_revoked_on_the_apps_group()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        rig.Aws.World.Calls.Clear();

        BeanstalkAppRig.Edit(app, s => s.SecurityGroup!.Ingress = [new EbIngressRule { Port = 8443, FromCidr = "198.51.100.0/24" }]);
        await rig.ReconcileAsync(app);

        Assert.Equal(["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"], rig.Aws.Mutations());
        var group = await rig.Aws.Ec2.FindSecurityGroupAsync(app.Status!.InstanceSecurityGroupId!, Ct);
        Assert.Equal([8443], group!.IpPermissions!.Select(p => p.FromPort ?? 0));
    }

    [Fact]
    public async Task A_new_platform_gets_a_new_template_and_the_old_one_is_deleted()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        var old = app.Status!.TemplateName;

        BeanstalkAppRig.Edit(app, s => s.Platform = new EbPlatform { SolutionStackName = "64bit Amazon Linux 2023 v4.2.1 running Corretto 17" });
        await rig.ReconcileAsync(app);

        Assert.NotEqual(old, app.Status.TemplateName);
        var application = await rig.Managers.Applications.ReadAsync("myapp", Operator.Resources.ReadMode.Live, Ct);
        Assert.Equal([app.Status.TemplateName!], application!.ConfigurationTemplates);
    }
}
