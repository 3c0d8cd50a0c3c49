using Ebops.Operator.Aws.Core;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Tests.Resources.ElasticBeanstalk;

public sealed class ConfigurationTemplateManagerTests : IAsyncLifetime
{
    private const string Stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";
    private const string Password = "s3cret-Pa55word-value";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private SimulatedAws aws = null!;
    private ConfigurationTemplateManager manager = null!;

    public async ValueTask InitializeAsync()
    {
        aws = await SimulatedAws.StartAsync(SimTiming.Instant);
        manager = aws.Create<ConfigurationTemplateManager>();
        await aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
    }

    public async ValueTask DisposeAsync() => await aws.DisposeAsync();

    private static EbTemplateDesired Desired(params EbTemplateOption[] settings) => Desired([], settings);

    private static EbTemplateDesired Desired(IReadOnlyList<EbOptionKey> ownedKeys, params EbTemplateOption[] settings) => new(
        "myapp", "myapp-ebops-t1", Stack, null, "test", settings, [O.ApplicationEnvironment, O.ListenerPrefix + "*"], ownedKeys,
        SimulatedAws.Owner("myapp", "BeanstalkApp").Tags("configuration-template"));

    private static EbTemplateOption Asg(string name, string value) => new(O.AutoScalingGroup, name, value);

    private static EbTemplateOption Env(string name, string value, bool sensitive = false) => new(O.ApplicationEnvironment, name, value, sensitive);

    [Fact]
    public async Task Create_then_read_is_in_sync_and_a_second_create_finds_the_template()
    {
        var desired = Desired(Asg(O.MinSize, "2"), Asg(O.MaxSize, "4"), Env("GREETING", "hello"), new(O.Ec2Instances, O.InstanceTypes, "t3.small,t3.medium"));

        var created = await manager.CreateAsync(desired, Ct);
        await manager.CreateAsync(desired, Ct);

        Assert.True(manager.Diff(desired, created).IsEmpty);
        Assert.Equal("hello", created.ValueOf(new EbOptionKey(O.ApplicationEnvironment, "GREETING")));
        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "CreateConfigurationTemplate"));
    }

    [Fact]
    public async Task Update_sends_exactly_the_settings_that_differ_and_removes_owned_ones_no_longer_wanted()
    {
        var raw = new EbOptionKey("aws:elasticbeanstalk:command", "DeploymentPolicy");
        var before = Desired(Asg(O.MinSize, "2"), Asg(O.MaxSize, "4"), Env("OLD", "x"), new(raw, "Rolling"));
        var observed = await manager.CreateAsync(before, Ct);
        var after = Desired([raw], Asg(O.MinSize, "3"), Asg(O.MaxSize, "4"), Env("NEW", "y"));

        var delta = manager.Diff(after, observed);
        Assert.Equal(
            ["aws:autoscaling:asg/MinSize", "aws:elasticbeanstalk:application:environment/NEW", "aws:elasticbeanstalk:application:environment/OLD", "aws:elasticbeanstalk:command/DeploymentPolicy"],
            delta.Fields.Order(StringComparer.Ordinal));
        aws.World.Calls.Clear();
        var updated = await manager.UpdateAsync(after, observed, delta, Ct);

        Assert.True(manager.Diff(after, updated).IsEmpty);
        var call = Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "UpdateConfigurationTemplate"));
        Assert.Equal(2, call.Parameters.Keys.Count(k => k.StartsWith("OptionSettings.member.", StringComparison.Ordinal) && k.EndsWith(".OptionName", StringComparison.Ordinal)));
        Assert.Equal(2, call.Parameters.Keys.Count(k => k.StartsWith("OptionsToRemove.member.", StringComparison.Ordinal) && k.EndsWith(".OptionName", StringComparison.Ordinal)));
        Assert.NotEqual("Rolling", updated.ValueOf(raw));
    }

    [Fact]
    public async Task An_unknown_option_or_bad_value_is_found_before_anything_is_written()
    {
        aws.World.Calls.Clear();
        var problems = await manager.ValidateAsync(Desired(Asg("MinSizes", "2"), Asg(O.MaxSize, "many")), templateExists: false, Ct);

        Assert.Equal(["aws:autoscaling:asg/MinSizes", "aws:autoscaling:asg/MaxSize"], problems.Select(p => p.Key.ToString()));
        Assert.Empty(aws.Mutations());
    }

    [Fact]
    public async Task Validate_asks_eb_about_the_whole_configuration_once_the_template_exists()
    {
        await manager.CreateAsync(Desired(Asg(O.MinSize, "1"), Asg(O.MaxSize, "2")), Ct);
        aws.World.Calls.Clear();

        var problems = await manager.ValidateAsync(Desired(Asg(O.MinSize, "3"), Asg(O.MaxSize, "2")), templateExists: true, Ct);

        Assert.Contains(problems, p => p.Key.OptionName == O.MinSize);
        Assert.Contains("ValidateConfigurationSettings", aws.World.Calls.Actions("elasticbeanstalk"));
        Assert.Empty(aws.Mutations());
    }

    [Fact]
    public async Task A_sensitive_value_never_shows_in_the_delta_or_the_record()
    {
        var observed = await manager.CreateAsync(Desired(Env(O.RdsPassword, "old-" + Password, sensitive: true)), Ct);
        var desired = Desired(Env(O.RdsPassword, Password, sensitive: true));

        var delta = manager.Diff(desired, observed);

        Assert.Equal([$"{O.ApplicationEnvironment}/{O.RdsPassword}"], delta.Fields);
        Assert.DoesNotContain(Password, delta.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, desired.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, observed.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(desired.ConfigurationHash(), Desired(Env(O.RdsPassword, "other", sensitive: true)).ConfigurationHash());
    }

    [Fact]
    public async Task Delete_is_idempotent()
    {
        var observed = await manager.CreateAsync(Desired(Asg(O.MinSize, "1")), Ct);

        await manager.DeleteAsync(observed, Ct);
        await manager.DeleteAsync(observed, Ct);

        Assert.Null(await manager.ReadAsync(Desired(), Ct));
    }

    [Fact]
    public async Task A_throttled_update_leaves_the_template_as_it_was_and_the_retry_applies_it()
    {
        var observed = await manager.CreateAsync(Desired(Asg(O.MinSize, "1")), Ct);
        var desired = Desired(Asg(O.MinSize, "2"));
        aws.World.Faults.Add(FaultRule.Throttle("elasticbeanstalk", "UpdateConfigurationTemplate", count: 1));

        await Assert.ThrowsAsync<AwsApiException>(() => manager.UpdateAsync(desired, observed, manager.Diff(desired, observed), Ct));
        var updated = await manager.UpdateAsync(desired, observed, manager.Diff(desired, observed), Ct);

        Assert.Equal("2", updated.ValueOf(new EbOptionKey(O.AutoScalingGroup, O.MinSize)));
    }

    [Fact]
    public async Task The_option_catalogue_is_loaded_once_per_platform()
    {
        await manager.CatalogAsync(Stack, null, Ct);
        await manager.CatalogAsync(Stack, null, Ct);
        await manager.ValidateAsync(Desired(Asg(O.MinSize, "1")), templateExists: false, Ct);

        Assert.Single(aws.World.Calls.Find("elasticbeanstalk", "DescribeConfigurationOptions"));
    }
}
