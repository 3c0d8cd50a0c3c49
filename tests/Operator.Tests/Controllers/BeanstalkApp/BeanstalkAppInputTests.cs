using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

/// <summary>Bad input, missing references and the paused annotation: each ends without a single AWS write.</summary>
public sealed class BeanstalkAppInputTests : IAsyncLifetime
{
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    public static TheoryData<string, string> InvalidOptions => new()
    {
        // An option the platform does not know.
        { "unknown", "spec.optionSettings[0]" },

        // A value outside the option's allowed values.
        { "bad value", "spec.optionSettings[0]" },

        // An instance type the platform does not offer, from a derived option.
        { "instance type", "spec.capacity.instanceType" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task An_option_eb_rejects_stalls_on_its_spec_field_before_any_write(string kind, string field)
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App(change: s =>
        {
            switch (kind)
            {
                case "unknown":
                    s.OptionSettings = [new EbOptionSetting { Namespace = "aws:autoscaling:asg", OptionName = "MinimumSize", Value = "2" }];
                    break;
                case "bad value":
                    s.OptionSettings = [new EbOptionSetting { Namespace = "aws:elasticbeanstalk:command", OptionName = "DeploymentPolicy", Value = "Sometimes" }];
                    break;
                default:
                    s.Capacity.InstanceType = "t3.enormous";
                    break;
            }
        });

        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(app));

        Assert.Equal(field, e.Field);
        Assert.Equal(BeanstalkAppReasons.InvalidOption, e.Reason);
        Assert.Empty(rig.Aws.Mutations());
        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Stalled));
    }

    [Fact]
    public async Task A_configuration_eb_rejects_as_a_whole_stalls_on_the_field_and_changes_nothing()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        rig.Aws.World.Calls.Clear();

        // MinSize above MaxSize, through a raw option (the schema keeps capacity.min <= capacity.max).
        BeanstalkAppRig.Edit(app, s => s.OptionSettings = [new EbOptionSetting { Namespace = "aws:autoscaling:asg", OptionName = "MinSize", Value = "9" }]);
        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(app));

        Assert.Equal("spec.optionSettings[0]", e.Field);
        Assert.Contains("ValidateConfigurationSettings", rig.Aws.World.Calls.Actions("elasticbeanstalk"));
        Assert.Empty(rig.Aws.Mutations());
    }

    [Theory]
    [InlineData("subnet-0123456789abcdef0", "spec.network.instanceSubnets[1]")]
    public async Task A_subnet_that_does_not_exist_stalls_on_it(string subnet, string field)
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App(change: s => s.Network!.InstanceSubnets = [Sandbox.Aws.Core.SandboxNetwork.SubnetA, subnet]);

        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(app));

        Assert.Equal(field, e.Field);
        Assert.Empty(rig.Aws.Mutations());
    }

    [Fact]
    public async Task A_missing_or_unready_database_is_waited_for_and_the_app_recovers_when_it_is_ready()
    {
        var app = BeanstalkAppRig.App();

        var missing = await rig.ReconcileAsync(app);
        Assert.Equal(rig.Settings.DependencyRequeue, missing.Delay);
        Assert.Equal(BeanstalkAppReasons.WaitingForDatabase, Conditions.Find(app.Status, ConditionTypes.Reconciling)!.Reason);
        Assert.Contains("myapp-db", Conditions.Find(app.Status, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);

        rig.DatabaseReady(ready: false);
        await rig.ReconcileAsync(app);
        Assert.Contains("to be Ready", Conditions.Find(app.Status, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Aws.Mutations());

        rig.DatabaseReady();
        await rig.ReconcileAsync(app);
        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Ready));
    }

    [Fact]
    public async Task The_references_name_the_database_its_password_secret_and_the_release()
    {
        rig.DatabaseReady();
        rig.Releases.Put(new Ebops.Operator.Entities.BlueGreenRelease
        {
            Metadata = new() { Name = "myapp-release", NamespaceProperty = BeanstalkAppRig.Namespace },
            Spec = new BlueGreenReleaseSpec { AppRef = new LocalObjectReference { Name = "myapp" } },
        });

        var references = rig.Controller.GetReferences(BeanstalkAppRig.App()).ToList();

        Assert.Equal(
            [new ReferencedObject(Ebops.Operator.Entities.RdsDatabase.KindName, "myapp-db"), ReferencedObject.Secret("myapp-db-master"),
             new ReferencedObject(Ebops.Operator.Entities.BlueGreenRelease.KindName, "myapp-release"),
             ReferencedObject.ReferrersOf(Ebops.Operator.Entities.BlueGreenRelease.KindName)],
            references);
    }

    [Fact]
    public async Task Paused_reads_and_reports_but_writes_nothing()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.Paused] = "true";

        await rig.ReconcileAsync(app);

        Assert.Empty(rig.Aws.Mutations());
        var synced = Conditions.Find(app.Status, ConditionTypes.Synced)!;
        Assert.Equal((ConditionStatus.Unknown, SyncConditions.Paused), (synced.Status, synced.Reason));
        Assert.Contains("application missing", synced.Message, StringComparison.Ordinal);
        Assert.False(Conditions.IsTrue(app.Status, ConditionTypes.Ready));

        app.Metadata.Annotations.Remove(EbopsAnnotations.Paused);
        await rig.ReconcileAsync(app);
        BeanstalkAppRig.Edit(app, s => s.Capacity.Min = 3);
        app.Metadata.Annotations[EbopsAnnotations.Paused] = "true";
        rig.Aws.World.Calls.Clear();
        await rig.ReconcileAsync(app);

        Assert.Empty(rig.Aws.Mutations());
        Assert.Contains("spec.capacity.min", Conditions.Find(app.Status, ConditionTypes.Synced)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotation_with_an_unknown_value_stalls_on_it()
    {
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = "keep";

        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(app));

        Assert.Equal("metadata.annotations." + EbopsAnnotations.DeletionPolicy, e.Field);
        Assert.Empty(rig.Aws.World.Calls.All);
    }
}
