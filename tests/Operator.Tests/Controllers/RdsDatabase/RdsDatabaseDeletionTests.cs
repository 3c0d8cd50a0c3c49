using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Entities;
using k8s.Models;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>Deleting an RdsDatabase under each policy; the finalizer may go only once every read says gone.</summary>
public sealed class RdsDatabaseDeletionTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private RdsHarness h = null!;

    public async ValueTask InitializeAsync() => h = await RdsHarness.StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    private async Task<RdsDb> ReadyAsync(Action<RdsDb>? configure = null)
    {
        var db = RdsHarness.Sample();
        configure?.Invoke(db);
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        return db;
    }

    /// <summary>Finalizes until the controller says done (the runtime would then drop the finalizer).</summary>
    private async Task<RdsHarness.Pass> FinalizeAsync(RdsDb db)
    {
        h.Delete(db);
        return await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);
    }

    private async Task AssertEverythingGoneAsync(RdsDb db)
    {
        Assert.Null(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));
        Assert.Null(await h.Aws.Rds.FindDBSubnetGroupAsync("orders-subnets", Ct));
        Assert.Null(await h.Aws.Rds.FindDBParameterGroupAsync("orders-mysql8-0", Ct));
        Assert.Null(await h.Aws.Ec2.FindSecurityGroupAsync(db.Status!.SecurityGroupId!, Ct));
    }

    [Fact]
    public async Task The_default_deletes_everything_after_a_final_snapshot_whose_name_was_recorded_before_the_delete_call()
    {
        var db = await ReadyAsync();
        h.Aws.World.Calls.Clear();
        h.Delete(db);

        var first = await h.ReconcileAsync(db);
        Assert.Equal($"orders-final-{h.Aws.Time.GetUtcNow():yyyyMMdd-HHmmss}", db.Status!.FinalSnapshotIdentifier);
        Assert.Empty(h.Aws.World.Calls.Find("rds", "DeleteDBInstance"));
        Assert.False(first.Result!.IsDone);
        var done = await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);

        Assert.True(done.Result!.IsDone);
        var delete = Assert.Single(h.Aws.World.Calls.Find("rds", "DeleteDBInstance"), c => c.Succeeded);
        Assert.Equal(db.Status.FinalSnapshotIdentifier, delete.Parameters["FinalDBSnapshotIdentifier"]);
        var snapshot = await h.Aws.Rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = db.Status.FinalSnapshotIdentifier }, Ct);
        Assert.Equal("orders", Assert.Single(snapshot.DBSnapshots!).DBInstanceIdentifier);
        await AssertEverythingGoneAsync(db);

        // The snapshot's password must outlive the object: the generated Secret is no longer owned by it.
        Assert.Empty(h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences ?? []);
        Assert.Contains("SecretOrphaned", h.Events.Reasons);
    }

    [Fact]
    public async Task FinalSnapshot_false_skips_the_snapshot_and_leaves_the_generated_secret_to_garbage_collection()
    {
        var db = await ReadyAsync(d => d.Spec.Deletion.FinalSnapshot = false);

        await FinalizeAsync(db);

        Assert.Equal("true", Assert.Single(h.Aws.World.Calls.Find("rds", "DeleteDBInstance"), c => c.Succeeded).Parameters["SkipFinalSnapshot"]);
        Assert.Null(db.Status!.FinalSnapshotIdentifier);
        Assert.Empty((await h.Aws.Rds.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBInstanceIdentifier = "orders" }, Ct)).DBSnapshots ?? []);
        Assert.Single(h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences);
        await AssertEverythingGoneAsync(db);
    }

    [Fact]
    public async Task Retain_deletes_nothing_in_aws_and_keeps_the_password_secret()
    {
        var db = await ReadyAsync(d => d.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.DeletionPolicy] = "retain" });
        h.Aws.World.Calls.Clear();

        var pass = await FinalizeAsync(db);

        Assert.True(pass.Result!.IsDone);
        Assert.Empty(h.Aws.Mutations());
        Assert.NotNull(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));
        Assert.Empty(h.Secrets.Raw(RdsHarness.Namespace, "orders-master")!.Metadata.OwnerReferences ?? []);
    }

    [Fact]
    public async Task Deletion_protection_refuses_the_delete_until_the_spec_turns_it_off()
    {
        var db = await ReadyAsync(d => d.Spec.Deletion.DeletionProtection = true);
        h.Delete(db);

        var refused = await h.ReconcileAsync(db);

        Assert.Equal("DeletionProtected", refused.Stalled!.Reason);
        Assert.Equal("spec.deletion.deletionProtection", refused.Stalled.Field);
        Assert.Empty(h.Aws.World.Calls.Find("rds", "DeleteDBInstance"));
        Assert.NotNull(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));

        RdsHarness.Edit(db, spec => spec.Deletion.DeletionProtection = false);
        var done = await h.ConvergeAsync(db, (_, p) => p.Result?.IsDone == true);
        Assert.True(done.Result!.IsDone);
        Assert.Null(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));
    }

    [Fact]
    public async Task An_object_that_never_reached_aws_is_finalized_at_once()
    {
        var db = RdsHarness.Sample();
        db.Spec.MasterPassword.GenerateIfMissing = false;
        await h.ReconcileAsync(db);

        var pass = await FinalizeAsync(db);

        Assert.True(pass.Result!.IsDone);
        Assert.Empty(h.Aws.Mutations());
    }

    [Fact]
    public async Task An_adopted_instance_is_kept_unless_the_deletion_policy_says_delete_explicitly()
    {
        await h.Aws.Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", DBInstanceClass = "db.t3.micro", Engine = "mysql", AllocatedStorage = 20,
            MasterUsername = "admin", MasterUserPassword = "Hand-Made-Passw0rd",
        }, Ct);
        var db = await ReadyAsync(d => d.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.AdoptionPolicy] = "adopt" });

        await FinalizeAsync(db);
        Assert.NotNull(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));

        db.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = "delete";
        await FinalizeAsync(db);
        Assert.Null(await h.Aws.Rds.FindDBInstanceAsync("orders", Ct));
    }

    [Fact]
    public async Task A_deleted_database_leaves_nothing_in_the_parameter_audit()
    {
        var db = await ReadyAsync();
        Assert.Equal(1, h.Audit.Count);

        Assert.True((await FinalizeAsync(db)).Result!.IsDone);

        Assert.Equal(0, h.Audit.Count);
    }
}
