using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using AppEntity = Ebops.Operator.Entities.BeanstalkApp;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppDeletionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    private async Task<AppEntity> CreatedAsync(string? deletionPolicy = null)
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        if (deletionPolicy is not null)
        {
            app.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = deletionPolicy;
        }

        app.Metadata.DeletionTimestamp = rig.Aws.Time.GetUtcNow().UtcDateTime;
        return app;
    }

    /// <summary>Finalizes until Done, as the runtime would (each requeue after its delay); returns the rounds taken.</summary>
    private async Task<int> FinalizeUntilDoneAsync(AppEntity app)
    {
        for (var round = 1; round <= 10; round++)
        {
            var result = await rig.FinalizeAsync(app);
            if (result.IsDone)
            {
                return round;
            }

            rig.Aws.Time.Advance(result.Delay!.Value);
        }

        throw new InvalidOperationException("deletion did not finish");
    }

    private async Task<bool> GroupExistsAsync(string id) => await rig.Aws.Ec2.FindSecurityGroupAsync(id, Ct) is not null;

    [Fact]
    public async Task Without_environments_the_default_policy_deletes_template_application_and_group()
    {
        var app = await CreatedAsync();
        var group = app.Status!.InstanceSecurityGroupId!;

        await FinalizeUntilDoneAsync(app);

        Assert.Equal(["DeleteConfigurationTemplate", "DeleteApplication"], rig.Aws.Mutations("elasticbeanstalk").Skip(3));
        Assert.Null(await rig.Managers.Applications.ReadAsync("myapp", ReadMode.Live, Ct));
        Assert.False(await GroupExistsAsync(group));
    }

    [Fact]
    public async Task Running_environments_refuse_the_deletion_unless_delete_is_written_explicitly()
    {
        var app = await CreatedAsync();
        await rig.LaunchAsync(app, EnvironmentManager.Blue);
        rig.Aws.World.Calls.Clear();

        var refused = await rig.FinalizeAsync(app);

        Assert.False(refused.IsDone);
        Assert.Empty(rig.Aws.Mutations());
        Assert.Equal(BeanstalkAppReasons.DeletionRefused, Conditions.Find(app.Status, ConditionTypes.Stalled)!.Reason);
        Assert.Contains(rig.Events.Events, e => e.Reason == BeanstalkAppReasons.DeletionRefused && e.Note.Contains("myapp-blue", StringComparison.Ordinal));

        app.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = EbopsAnnotations.DeletionPolicyDelete;
        await FinalizeUntilDoneAsync(app);

        Assert.Single(rig.Aws.World.Calls.Find("elasticbeanstalk", "TerminateEnvironment"));
        Assert.Empty(await rig.Managers.Environments.ReadAllAsync("myapp", ReadMode.Live, Ct));
        Assert.Null(await rig.Managers.Applications.ReadAsync("myapp", ReadMode.Live, Ct));
        Assert.All(rig.Aws.World.Calls.Find("elasticbeanstalk", "DeleteApplication"), c => Assert.Equal("false", c.Parameters["TerminateEnvByForce"]));
    }

    [Fact]
    public async Task Environments_are_terminated_only_once_the_NlbFrontend_in_front_of_them_is_gone()
    {
        var app = await CreatedAsync(EbopsAnnotations.DeletionPolicyDelete);
        await rig.LaunchAsync(app, EnvironmentManager.Blue);
        var frontend = new Ebops.Operator.Entities.NlbFrontend { Metadata = new() { Name = "myapp-frontend", NamespaceProperty = BeanstalkAppRig.Namespace } };
        frontend.Spec.BackendRef.Name = "myapp";
        rig.Frontends.Put(frontend);
        rig.Aws.World.Calls.Clear();

        var waiting = await rig.FinalizeAsync(app);

        Assert.False(waiting.IsDone);
        Assert.Empty(rig.Aws.Mutations());
        var reconciling = Conditions.Find(app.Status, ConditionTypes.Reconciling)!;
        Assert.Equal((ConditionStatus.True, BeanstalkAppReasons.WaitingForFrontend), (reconciling.Status, reconciling.Reason));
        Assert.Contains("NlbFrontend myapp-frontend", reconciling.Message, StringComparison.Ordinal);
        Assert.Contains(new Ebops.Operator.Runtime.Cache.ReferencedObject("NlbFrontend", "myapp-frontend"), rig.Controller.GetReferences(app));

        rig.Frontends.Remove(BeanstalkAppRig.Namespace, "myapp-frontend");
        await FinalizeUntilDoneAsync(app);

        Assert.Single(rig.Aws.World.Calls.Find("elasticbeanstalk", "TerminateEnvironment"));
    }

    [Fact]
    public async Task Retain_leaves_everything_in_place()
    {
        var app = await CreatedAsync(EbopsAnnotations.DeletionPolicyRetain);
        await rig.LaunchAsync(app, EnvironmentManager.Blue);
        rig.Aws.World.Calls.Clear();

        Assert.True((await rig.FinalizeAsync(app)).IsDone);

        Assert.Empty(rig.Aws.World.Calls.All);
        Assert.NotNull(await rig.Managers.Applications.ReadAsync("myapp", ReadMode.Live, Ct));
        Assert.True(await GroupExistsAsync(app.Status!.InstanceSecurityGroupId!));
    }

    [Fact]
    public async Task An_adopted_application_stays_unless_delete_is_explicit()
    {
        await rig.Aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = EbopsAnnotations.AdoptionPolicyAdopt;
        await rig.ReconcileAsync(app);
        app.Metadata.DeletionTimestamp = rig.Aws.Time.GetUtcNow().UtcDateTime;

        await FinalizeUntilDoneAsync(app);

        Assert.NotNull(await rig.Managers.Applications.ReadAsync("myapp", ReadMode.Live, Ct));
        Assert.False(await GroupExistsAsync(app.Status!.InstanceSecurityGroupId!));
    }

    [Fact]
    public async Task Paused_deletes_nothing()
    {
        var app = await CreatedAsync();
        app.Metadata.Annotations[EbopsAnnotations.Paused] = "true";
        rig.Aws.World.Calls.Clear();

        Assert.False((await rig.FinalizeAsync(app)).IsDone);

        Assert.Empty(rig.Aws.Mutations());
    }
}
