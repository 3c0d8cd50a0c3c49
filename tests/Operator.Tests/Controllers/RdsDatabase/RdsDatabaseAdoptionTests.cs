using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>A setup built by hand is brought under ebops only when an annotation says so; otherwise it is a conflict.</summary>
public sealed class RdsDatabaseAdoptionTests : IAsyncLifetime
{
    private const string HandPassword = "Hand-Made-Passw0rd";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private RdsHarness h = null!;

    public async ValueTask InitializeAsync() => h = await RdsHarness.StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private Task CreateByHandAsync() => h.Aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
    {
        DBInstanceIdentifier = "orders", DBInstanceClass = "db.t3.micro", Engine = "mysql", AllocatedStorage = 20,
        MasterUsername = "admin", MasterUserPassword = HandPassword,
    }, Ct);

    private static RdsDb With(string policy, string? fields = null)
    {
        var db = RdsHarness.Sample();
        db.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.AdoptionPolicy] = policy };
        if (fields is not null)
        {
            db.Metadata.Annotations[EbopsAnnotations.AdoptionFields] = fields;
        }

        return db;
    }

    [Fact]
    public async Task Without_an_adoption_policy_an_instance_with_our_identifier_stalls_before_anything_is_created()
    {
        await CreateByHandAsync();
        h.Aws.World.Calls.Clear();

        var pass = await h.ReconcileAsync(RdsHarness.Sample());

        Assert.Equal(("spec.identifier", Adoption.NotManagedReason), (pass.Stalled!.Field, pass.Stalled.Reason));
        Assert.Contains("ebops.io/adoption-policy", pass.Stalled.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Mutations());
        Assert.Empty(h.Secrets.Requests);
    }

    [Fact]
    public async Task Adopt_tags_the_instance_sets_its_password_from_the_secret_once_and_brings_it_in_line()
    {
        await CreateByHandAsync();
        var db = With("adopt");

        var pass = await h.ConvergeAsync(db);

        Assert.Null(pass.Stalled);
        var instance = (await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!;
        var tags = instance.TagList!.ToDictionary(t => t.Key!, t => t.Value!);
        Assert.Equal("true", tags[OwnershipTags.Adopted]);
        Assert.True(SimulatedAws.Owner("orders", uid: "uid-orders").Owns(tags, "db-instance"));
        Assert.Equal("orders-mysql8-0", Assert.Single(instance.DBParameterGroups!).DBParameterGroupName);
        Assert.Equal(db.Status!.SecurityGroupId, Assert.Single(instance.VpcSecurityGroups!).VpcSecurityGroupId);
        Assert.Single(h.Aws.World.Calls.Find("rds", "ModifyDBInstance"), c => c.Parameters.ContainsKey("MasterUserPassword"));
        Assert.Equal(1, h.Aws.Succeeded("rds", "CreateDBInstance"));
        Assert.Contains("Adopted", h.Events.Reasons);
        Assert.Equal(ConditionStatus.True, h.Condition(db, ConditionTypes.Ready)!.Status);
    }

    [Fact]
    public async Task Adopt_fails_naming_the_annotation_when_the_instance_does_not_exist_and_adopt_or_create_creates_it()
    {
        var adopt = await h.ReconcileAsync(With("adopt"));
        Assert.Equal("AdoptionTargetMissing", adopt.Stalled!.Reason);
        Assert.Equal("metadata.annotations.ebops.io/adoption-policy", adopt.Stalled.Field);
        Assert.Empty(h.Aws.World.Calls.Find("rds", "CreateDBInstance"));

        var pass = await h.ConvergeAsync(With("adopt-or-create"));
        Assert.Null(pass.Stalled);
        Assert.Equal(1, h.Aws.Succeeded("rds", "CreateDBInstance"));
    }

    [Fact]
    public async Task Groups_named_in_adoption_fields_are_adopted_and_kept_on_delete()
    {
        await CreateByHandAsync();
        await h.Aws.Rds.CreateDBSubnetGroupAsync(new CreateDBSubnetGroupRequest
        {
            DBSubnetGroupName = "hand-subnets", DBSubnetGroupDescription = "by hand", SubnetIds = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC],
        }, Ct);
        var groupId = await h.Aws.Ec2.CreateSecurityGroupAsync("hand-db", "by hand", SandboxNetwork.VpcId, new Dictionary<string, string>(), Ct);
        var db = With("adopt", $$"""{"dbSubnetGroupName": "hand-subnets", "securityGroupId": "{{groupId}}"}""");

        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        Assert.Equal(groupId, db.Status!.SecurityGroupId);
        Assert.True((await h.SecurityGroups.FindByIdAsync(groupId, ReadMode.Live, Ct))!.Adopted);
        Assert.Equal(1, h.Aws.Succeeded("rds", "CreateDBSubnetGroup"));
        Assert.Equal(1, h.Aws.Succeeded("ec2", "CreateSecurityGroup"));

        h.Delete(db);
        await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);
        Assert.NotNull(await h.Aws.Rds.FindDBSubnetGroupAsync("hand-subnets", Ct));
        Assert.NotNull(await h.Aws.Ec2.FindSecurityGroupAsync(groupId, Ct));
    }

    [Fact]
    public async Task An_instance_of_another_ebops_object_is_never_taken_even_with_adoption()
    {
        await h.Aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", DBInstanceClass = "db.t3.micro", Engine = "mysql", AllocatedStorage = 20,
            MasterUsername = "admin", MasterUserPassword = HandPassword,
            Tags = [.. SimulatedAws.Owner("someone-else").Tags("db-instance").Select(t => new Tag { Key = t.Key, Value = t.Value })],
        }, Ct);
        h.Aws.World.Calls.Clear();

        var pass = await h.ReconcileAsync(With("adopt-or-create"));

        Assert.Contains("belongs to another ebops object", pass.Stalled!.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Mutations());
    }

    [Fact]
    public async Task A_recreated_object_takes_over_the_instance_it_retained_without_a_duplicate()
    {
        var db = RdsHarness.Sample();
        db.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.DeletionPolicy] = "retain" };
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        h.Delete(db);
        await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);
        h.Secrets.CollectGarbage(db.Metadata.Uid!);

        var again = RdsHarness.Sample();
        again.Metadata.Uid = "uid-orders-2";
        Assert.Null((await h.ConvergeAsync(again)).Stalled);

        Assert.Equal(1, h.Aws.Succeeded("rds", "CreateDBInstance"));
        var tags = (await h.Aws.Rds.FindDBInstanceAsync("orders", Ct))!.TagList!.ToDictionary(t => t.Key!, t => t.Value!);
        Assert.Equal("uid-orders-2", tags[OwnershipTags.Uid]);
        Assert.DoesNotContain(OwnershipTags.Adopted, tags.Keys);
    }
}
