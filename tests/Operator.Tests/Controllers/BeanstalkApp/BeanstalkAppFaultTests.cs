using Ebops.Operator.Aws.Core;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

/// <summary>Throttling and 5xx at every step of the creation: the retried reconcile finishes, and nothing is made twice.</summary>
public sealed class BeanstalkAppFaultTests : IAsyncLifetime
{
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    public static TheoryData<string, string, bool> Faults => new()
    {
        { "elasticbeanstalk", "CreateApplication", true },
        { "elasticbeanstalk", "UpdateApplicationResourceLifecycle", false },
        { "ec2", "CreateSecurityGroup", true },
        { "ec2", "AuthorizeSecurityGroupIngress", false },
        { "elasticbeanstalk", "CreateConfigurationTemplate", true },
        { "elasticbeanstalk", "DescribeConfigurationSettings", false },
        { "elasticbeanstalk", "DescribeConfigurationOptions", true },
        { "elasticbeanstalk", "DescribeApplications", false },
        { "ec2", "DescribeSecurityGroups", true },
        { "elasticbeanstalk", "DescribeEnvironments", false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_call_is_retried_by_the_next_reconcile_without_duplicates(string service, string action, bool throttle)
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        rig.Aws.World.Faults.Add(throttle ? FaultRule.Throttle(service, action, count: 1) : FaultRule.ServerError(service, action, count: 1));

        var failure = await Assert.ThrowsAsync<AwsApiException>(() => rig.ReconcileAsync(app));
        Assert.False(failure.IsTerminal);
        await rig.ReconcileAsync(app);

        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Ready));
        Assert.Equal(1, rig.Aws.Succeeded("elasticbeanstalk", "CreateApplication"));
        Assert.Equal(1, rig.Aws.Succeeded("elasticbeanstalk", "CreateConfigurationTemplate"));
        Assert.Equal(1, rig.Aws.Succeeded("ec2", "CreateSecurityGroup"));
        Assert.Single((await rig.Aws.ElasticBeanstalk.DescribeApplicationsAsync(new(), TestContext.Current.CancellationToken)).Applications!);
    }

    [Fact]
    public async Task Nothing_secret_reaches_logs_events_status_or_errors()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        rig.Aws.World.Faults.Add(FaultRule.ServerError("elasticbeanstalk", "CreateConfigurationTemplate", count: 1));
        await Assert.ThrowsAsync<AwsApiException>(() => rig.ReconcileAsync(app));
        await rig.ReconcileAsync(app);
        rig.Secrets.Set(BeanstalkAppRig.Namespace, "myapp-db-master", "password", "Second-" + BeanstalkAppRig.Password);
        await rig.ReconcileAsync(app);

        // A bad option next to the password: the error names the option, never the value.
        BeanstalkAppRig.Edit(app, s => s.OptionSettings = [new EbOptionSetting { Namespace = "aws:nope", OptionName = "X", Value = "1" }]);
        await Assert.ThrowsAnyAsync<Exception>(() => rig.ReconcileAsync(app));

        var visible = rig.Visible(app);
        Assert.DoesNotContain(BeanstalkAppRig.Password, visible, StringComparison.Ordinal);
        Assert.Contains("RDS_PASSWORD", string.Join(",", rig.Logs.Lines), StringComparison.Ordinal);
    }
}
