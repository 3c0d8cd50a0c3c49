using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppAdoptionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task An_application_made_by_hand_is_a_conflict_without_an_adoption_policy()
    {
        await rig.Aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
        rig.DatabaseReady();
        rig.Aws.World.Calls.Clear();

        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(BeanstalkAppRig.App()));

        Assert.Equal(("spec.applicationName", BeanstalkAppReasons.NotManaged), (e.Field, e.Reason));
        Assert.Contains("ebops.io/adoption-policy", e.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Aws.Mutations());
    }

    [Fact]
    public async Task Adopt_tags_the_application_and_an_existing_group_and_manages_them()
    {
        await rig.Aws.ElasticBeanstalk.CreateApplicationAsync(new() { ApplicationName = "myapp" }, Ct);
        var groupId = await rig.Aws.Ec2.CreateSecurityGroupAsync("hand-made", "made by hand", SandboxNetwork.VpcId, new Dictionary<string, string>(), Ct);
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = EbopsAnnotations.AdoptionPolicyAdopt;
        app.Metadata.Annotations[EbopsAnnotations.AdoptionFields] = $$"""{"securityGroupId": "{{groupId}}"}""";
        rig.Aws.World.Calls.Clear();

        await rig.ReconcileAsync(app);

        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Ready));
        Assert.Equal(groupId, app.Status!.InstanceSecurityGroupId);
        Assert.DoesNotContain("CreateApplication", rig.Aws.Mutations("elasticbeanstalk"));
        Assert.DoesNotContain("CreateSecurityGroup", rig.Aws.Mutations("ec2"));
        var application = await rig.Managers.Applications.ReadAsync("myapp", ReadMode.Live, Ct);
        var tags = await rig.Managers.Applications.ReadTagsAsync(application!, Ct);
        Assert.Equal("true", tags[OwnershipTags.Adopted]);
        var group = await rig.Aws.Ec2.FindSecurityGroupAsync(groupId, Ct);
        Assert.Contains(group!.IpPermissions!, p => p.FromPort == 22);
    }

    [Fact]
    public async Task Adopt_of_an_application_that_does_not_exist_stalls_on_the_annotation()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = EbopsAnnotations.AdoptionPolicyAdopt;

        var e = await Assert.ThrowsAsync<TerminalException>(() => rig.ReconcileAsync(app));

        Assert.Equal("metadata.annotations." + EbopsAnnotations.AdoptionPolicy, e.Field);
        Assert.Empty(rig.Aws.Mutations());
    }

    [Fact]
    public async Task Adopt_or_create_creates_what_is_missing()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        app.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = EbopsAnnotations.AdoptionPolicyAdoptOrCreate;

        await rig.ReconcileAsync(app);

        Assert.Contains("CreateApplication", rig.Aws.Mutations("elasticbeanstalk"));
        Assert.True(Conditions.IsTrue(app.Status, ConditionTypes.Ready));
    }
}
