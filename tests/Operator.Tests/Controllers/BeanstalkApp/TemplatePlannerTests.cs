using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class TemplatePlannerTests
{
    private static readonly ResourceOwner Owner = new("c", "BeanstalkApp", "default", "myapp", "uid");
    private static readonly EbEnvironmentNetwork Network = new("vpc-0a1b2c3d4e5f67890", ["subnet-a", "subnet-c"], ["subnet-a", "subnet-c"], true);
    private static readonly DatabaseConnection Database = new(0, "myapp-db", "db.example", 3306, "myapp", "admin", "myapp-db-master", "password", "hash");

    private static TemplatePlan Plan(Action<BeanstalkAppSpec>? change = null, string? password = "pw", string? group = "sg-0123456789abcdef0",
        IReadOnlyList<string>? previous = null)
    {
        var spec = BeanstalkAppRig.App(change: change).Spec;
        return TemplatePlanner.Plan(spec, Owner, Network, group, Database, password, previous ?? []);
    }

    private static string? Value(TemplatePlan plan, string ns, string name) => plan.Desired.Find(new EbOptionKey(ns, name))?.Value;

    public static TheoryData<string, string, string, string> DerivedSettings => new()
    {
        { O.AutoScalingGroup, O.MinSize, "2", "spec.capacity.min" },
        { O.AutoScalingGroup, O.MaxSize, "4", "spec.capacity.max" },
        { O.Ec2Instances, O.InstanceTypes, "t3.small", "spec.capacity.instanceType" },
        { O.Environment, O.EnvironmentType, "LoadBalanced", "spec.loadBalancer.type" },
        { O.Environment, O.LoadBalancerType, "application", "spec.loadBalancer.type" },
        { O.Environment, O.ServiceRole, "aws-elasticbeanstalk-service-role", "spec.serviceRole" },
        { O.LaunchConfiguration, O.IamInstanceProfile, "aws-elasticbeanstalk-ec2-role", "spec.instanceProfile" },
        { O.LaunchConfiguration, O.SecurityGroups, "sg-0123456789abcdef0", "spec.securityGroup" },
        { O.DefaultProcess, O.HealthCheckPath, "/", "spec.loadBalancer.healthCheckPath" },
        { O.DefaultListener, O.ListenerEnabled, "true", "spec.loadBalancer.listenerPort" },
        { O.DefaultListener, O.ListenerProtocol, "HTTP", "spec.loadBalancer.listenerPort" },
        { O.HealthReporting, O.SystemType, "enhanced", "spec" },
        { O.Vpc, O.VpcId, "vpc-0a1b2c3d4e5f67890", "spec.network.vpcId" },
        { O.Vpc, O.Subnets, "subnet-a,subnet-c", "spec.network.instanceSubnets" },
        { O.Vpc, O.ElbSubnets, "subnet-a,subnet-c", "spec.network.loadBalancerSubnets" },
        { O.Vpc, O.ElbScheme, "public", "spec.network" },
        { O.Vpc, O.AssociatePublicIpAddress, "true", "spec.network.associatePublicIpAddress" },
        { O.ApplicationEnvironment, O.RdsHostname, "db.example", "spec.envFrom[0].rdsDatabaseRef" },
        { O.ApplicationEnvironment, O.RdsPort, "3306", "spec.envFrom[0].rdsDatabaseRef" },
        { O.ApplicationEnvironment, O.RdsDbName, "myapp", "spec.envFrom[0].rdsDatabaseRef" },
        { O.ApplicationEnvironment, O.RdsUsername, "admin", "spec.envFrom[0].rdsDatabaseRef" },
        { O.ApplicationEnvironment, O.RdsPassword, "pw", "spec.envFrom[0].rdsDatabaseRef" },
        { O.ApplicationEnvironment, "SERVER_PORT", "5000", "spec.env.SERVER_PORT" },
    };

    [Theory]
    [MemberData(nameof(DerivedSettings))]
    public void Each_setting_comes_from_its_spec_field(string ns, string name, string value, string path)
    {
        var plan = Plan();

        Assert.Equal(value, Value(plan, ns, name));
        Assert.Equal(path, plan.PathOf(new EbOptionKey(ns, name)));
    }

    [Fact]
    public void Only_the_password_is_sensitive()
    {
        var plan = Plan();

        Assert.Equal([O.RdsPassword], plan.Desired.Settings.Where(s => s.Sensitive).Select(s => s.Key.OptionName));
        Assert.DoesNotContain("pw", plan.Desired.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Env_wins_over_envFrom_and_raw_option_settings_win_over_everything()
    {
        var plan = Plan(s =>
        {
            s.Env!["RDS_HOSTNAME"] = "proxy.example";
            s.OptionSettings =
            [
                new EbOptionSetting { Namespace = O.AutoScalingGroup, OptionName = O.MinSize, Value = "3" },
                new EbOptionSetting { Namespace = O.ApplicationEnvironment, OptionName = "SERVER_PORT", Value = "8080" },
            ];
        });

        Assert.Equal(("proxy.example", "spec.env.RDS_HOSTNAME"), (Value(plan, O.ApplicationEnvironment, O.RdsHostname), plan.PathOf(new EbOptionKey(O.ApplicationEnvironment, O.RdsHostname))));
        Assert.Equal(("3", "spec.optionSettings[0]"), (Value(plan, O.AutoScalingGroup, O.MinSize), plan.PathOf(new EbOptionKey(O.AutoScalingGroup, O.MinSize))));
        Assert.Equal(("8080", "spec.optionSettings[1]"), (Value(plan, O.ApplicationEnvironment, "SERVER_PORT"), plan.PathOf(new EbOptionKey(O.ApplicationEnvironment, "SERVER_PORT"))));
        Assert.Equal(["aws:autoscaling:asg/MinSize", "aws:elasticbeanstalk:application:environment/SERVER_PORT"], plan.RawKeys);
    }

    [Fact]
    public void A_listener_port_other_than_80_disables_the_default_listener_and_opens_its_own()
    {
        var plan = Plan(s => s.LoadBalancer.ListenerPort = 8080);

        Assert.Equal("false", Value(plan, O.DefaultListener, O.ListenerEnabled));
        Assert.Null(Value(plan, O.DefaultListener, O.ListenerProtocol));
        Assert.Equal(("true", "HTTP", "default"), (Value(plan, "aws:elbv2:listener:8080", O.ListenerEnabled),
            Value(plan, "aws:elbv2:listener:8080", O.ListenerProtocol), Value(plan, "aws:elbv2:listener:8080", O.ListenerDefaultProcess)));
    }

    [Fact]
    public void Without_a_group_or_password_those_settings_are_left_out()
    {
        var plan = Plan(password: null, group: null);

        Assert.Null(Value(plan, O.LaunchConfiguration, O.SecurityGroups));
        Assert.Null(Value(plan, O.ApplicationEnvironment, O.RdsPassword));
    }

    [Fact]
    public void Raw_keys_written_before_and_no_longer_wanted_are_owned_for_removal()
    {
        var plan = Plan(previous: ["aws:elasticbeanstalk:command/DeploymentPolicy", "aws:elasticbeanstalk:application:environment/SERVER_PORT"]);

        Assert.Equal([new EbOptionKey("aws:elasticbeanstalk:command", "DeploymentPolicy")], plan.Desired.OwnedKeys);
        Assert.True(plan.Desired.Owns(new EbOptionKey(O.ApplicationEnvironment, "ANYTHING")));
        Assert.True(plan.Desired.Owns(new EbOptionKey("aws:elbv2:listener:8080", O.ListenerEnabled)));
        Assert.False(plan.Desired.Owns(new EbOptionKey(O.AutoScalingGroup, "Cooldown")));
    }

    [Fact]
    public void The_template_name_changes_with_the_platform_and_the_hash_with_any_setting()
    {
        var a = Plan();
        var b = Plan(s => s.Platform = new EbPlatform { PlatformArn = "arn:aws:elasticbeanstalk:ap-northeast-2::platform/Corretto 17 running on 64bit Amazon Linux 2023/4.3.0" });

        Assert.StartsWith("myapp-ebops-", a.Desired.TemplateName, StringComparison.Ordinal);
        Assert.NotEqual(a.Desired.TemplateName, b.Desired.TemplateName);
        Assert.Equal(a.Desired.ConfigurationHash(), Plan().Desired.ConfigurationHash());
        Assert.NotEqual(a.Desired.ConfigurationHash(), Plan(s => s.Capacity.Max = 5).Desired.ConfigurationHash());
        Assert.NotEqual(a.Desired.ConfigurationHash(), Plan(password: "other").Desired.ConfigurationHash());
    }

    [Theory]
    [InlineData("aws:elasticbeanstalk:application:environment", "GONE", "spec.env")]
    [InlineData("aws:elbv2:listener:8080", "Protocol", "spec.loadBalancer.listenerPort")]
    [InlineData("aws:elasticbeanstalk:command", "DeploymentPolicy", "spec.optionSettings")]
    public void A_setting_no_longer_planned_is_reported_on_the_field_that_wanted_it(string ns, string name, string path) =>
        Assert.Equal(path, Plan().PathOf(new EbOptionKey(ns, name)));
}
