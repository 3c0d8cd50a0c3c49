using Ebops.Operator.Controllers;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;
using O = Ebops.Operator.Aws.ElasticBeanstalk.ElasticBeanstalkOptions;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppSteadyStateTests : IAsyncLifetime
{
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Steady_polls_cost_at_most_one_call_per_object_and_the_template_is_compared_every_sixth_poll()
    {
        rig.DatabaseReady();
        var apps = Enumerable.Range(1, 4).Select(i => BeanstalkAppRig.App("app" + i)).ToList();
        foreach (var app in apps)
        {
            await rig.ReconcileAsync(app);
        }

        Assert.Equal(apps.Count, rig.Secrets.LiveReads);
        rig.Aws.World.Calls.Clear();
        const int polls = 6;
        for (var poll = 0; poll < polls; poll++)
        {
            rig.Aws.Time.Advance(rig.Settings.PollInterval);
            foreach (var app in apps)
            {
                Assert.Equal(rig.Settings.PollInterval, (await rig.ReconcileAsync(app)).Delay);
            }
        }

        var calls = rig.Aws.World.Calls.All;
        Assert.Empty(rig.Aws.Mutations());
        Assert.True(calls.Count <= 1.2 * apps.Count * polls, $"{calls.Count} calls: {string.Join(", ", calls.Select(c => c.Action))}");
        Assert.Equal(apps.Count, calls.Count(c => c.Action == "DescribeConfigurationSettings"));
        Assert.Equal(apps.Count, rig.Secrets.LiveReads);
        Assert.All(apps, a => Assert.True(Conditions.IsTrue(a.Status, ConditionTypes.Ready)));
    }

    [Fact]
    public async Task A_rotated_password_reaches_the_template_at_once_with_one_live_secret_read_and_a_new_hash()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        var hash = app.Status!.ConfigurationHash;
        var reads = rig.Secrets.LiveReads;

        rig.Aws.Time.Advance(rig.Settings.PollInterval);
        await rig.ReconcileAsync(app);
        Assert.Equal(reads, rig.Secrets.LiveReads);

        rig.Secrets.Set(BeanstalkAppRig.Namespace, "myapp-db-master", "password", "Rotated-" + BeanstalkAppRig.Password);
        rig.Aws.Time.Advance(TimeSpan.FromSeconds(10));
        await rig.ReconcileAsync(app);

        Assert.Equal(reads + 1, rig.Secrets.LiveReads);
        Assert.Equal("Rotated-" + BeanstalkAppRig.Password, (await rig.TemplateAsync(app))[$"{O.ApplicationEnvironment}/{O.RdsPassword}"]);
        Assert.NotEqual(hash, app.Status.ConfigurationHash);
        Assert.False(rig.Events.Has(SyncConditions.DriftDetected));
        Assert.DoesNotContain(BeanstalkAppRig.Password, rig.Visible(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_edit_of_the_template_is_found_at_the_next_full_comparison_and_corrected_with_an_event()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        await rig.Aws.ElasticBeanstalk.UpdateConfigurationTemplateAsync(new()
        {
            ApplicationName = "myapp", TemplateName = app.Status!.TemplateName,
            OptionSettings = [new() { Namespace = O.AutoScalingGroup, OptionName = O.MinSize, Value = "1" }],
        }, TestContext.Current.CancellationToken);

        for (var poll = 0; poll < 6; poll++)
        {
            rig.Aws.Time.Advance(rig.Settings.PollInterval);
            await rig.ReconcileAsync(app);
        }

        Assert.Equal("2", (await rig.TemplateAsync(app))[$"{O.AutoScalingGroup}/{O.MinSize}"]);
        var drift = Assert.Single(rig.Events.Events, e => e.Reason == SyncConditions.DriftDetected);
        Assert.Contains("spec.capacity.min", drift.Note, StringComparison.Ordinal);
        Assert.Equal("DriftCorrected", Conditions.Find(app.Status, ConditionTypes.Synced)!.Reason);
    }

    [Fact]
    public async Task A_rule_removed_by_hand_from_the_group_is_restored_on_the_next_poll()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        await rig.Aws.Ec2.RevokeIngressAsync(app.Status!.InstanceSecurityGroupId!,
            [new() { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new() { CidrIp = "203.0.113.0/24" }] }], TestContext.Current.CancellationToken);

        rig.Aws.Time.Advance(rig.Settings.PollInterval);
        await rig.ReconcileAsync(app);

        var group = await rig.Aws.Ec2.FindSecurityGroupAsync(app.Status.InstanceSecurityGroupId!, TestContext.Current.CancellationToken);
        Assert.Contains(group!.IpPermissions!, p => p.FromPort == 22);
        Assert.Contains(rig.Events.Events, e => e.Reason == SyncConditions.DriftDetected && e.Note.Contains("spec.securityGroup.ingress", StringComparison.Ordinal));
    }
}
