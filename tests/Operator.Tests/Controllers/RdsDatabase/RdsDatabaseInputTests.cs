using Ebops.Operator.Controllers;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>Bad input and missing references never write to AWS: Stalled naming the field, or Reconciling saying what is awaited.</summary>
public sealed class RdsDatabaseInputTests : IAsyncLifetime
{
    private RdsHarness h = null!;

    public async ValueTask InitializeAsync() => h = await RdsHarness.StartAsync();

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    public static TheoryData<string, string, string> BadSpecs => new()
    {
        { "unknown-time-zone", "spec.parameters.overrides.time_zone", "Mars/Olympus_Mons" },
        { "unknown-parameter", "spec.parameters.overrides.no_such_parameter", "has no parameter" },
        { "unmodifiable-parameter", "spec.parameters.overrides.datadir", "cannot be modified" },
        { "out-of-range", "spec.parameters.overrides.max_connections", "not an allowed value" },
        { "family-mismatch", "spec.parameters.family", "needs family mysql8.0" },
        { "unknown-version", "spec.engineVersion", "no mysql version 7.9.1" },
        { "unknown-class", "spec.instanceClass", "db.z9.huge" },
        { "connection-is-master", "spec.connectionSecret", "master password" },
        { "missing-subnet-group", "spec.network.subnetGroupName", "does not exist" },
        { "missing-subnet", "spec.network.subnets[1]", "subnet subnet-0123456789abcdef0 does not exist" },
    };

    private static void Break(RdsDatabaseSpec spec, string what)
    {
        var overrides = spec.Parameters!.Overrides!;
        switch (what)
        {
            case "unknown-time-zone": overrides["time_zone"] = "Mars/Olympus_Mons"; break;
            case "unknown-parameter": overrides["no_such_parameter"] = "1"; break;
            case "unmodifiable-parameter": overrides["datadir"] = "/tmp"; break;
            case "out-of-range": overrides["max_connections"] = "0"; break;
            case "family-mismatch": spec.Parameters.Family = "mysql8.4"; break;
            case "unknown-version": spec.EngineVersion = "7.9.1"; break;
            case "unknown-class": spec.InstanceClass = "db.z9.huge"; break;
            case "connection-is-master": spec.ConnectionSecret!.Name = spec.MasterPassword.SecretRef.Name; break;
            case "missing-subnet-group": spec.Network!.Subnets = null; spec.Network.SubnetGroupName = "no-such-group"; break;
            case "missing-subnet": spec.Network!.Subnets![1] = "subnet-0123456789abcdef0"; break;
            default: throw new ArgumentOutOfRangeException(nameof(what), what, null);
        }
    }

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task Bad_input_stalls_naming_the_field_with_zero_aws_writes(string what, string field, string message)
    {
        var db = RdsHarness.Sample();
        Break(db.Spec, what);

        var pass = await h.ReconcileAsync(db);

        Assert.NotNull(pass.Stalled);
        Assert.Equal(field, pass.Stalled.Field);
        Assert.Contains(message, pass.Stalled.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Mutations());
        var stalled = h.Condition(db, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionStatus.True, stalled.Status);
        Assert.StartsWith(field, stalled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_master_secret_without_generate_waits_and_a_secret_without_the_key_stalls()
    {
        var db = RdsHarness.Sample();
        db.Spec.MasterPassword.GenerateIfMissing = false;

        var waiting = await h.ReconcileAsync(db);
        var reconciling = h.Condition(db, ConditionTypes.Reconciling)!;
        Assert.Equal(("True", "WaitingForSecret"), (reconciling.Status, reconciling.Reason));
        Assert.Equal(h.Settings.DependencyRequeue, waiting.Result!.Delay);

        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["other"] = "x" });
        var stalled = await h.ReconcileAsync(db);
        Assert.Equal("spec.masterPassword.secretRef", stalled.Stalled!.Field);
        Assert.Contains("has no key password", stalled.Stalled.Message, StringComparison.Ordinal);

        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = "bad pass/word" });
        var invalid = await h.ReconcileAsync(db);
        Assert.Equal("spec.masterPassword.secretRef", invalid.Stalled!.Field);
        Assert.DoesNotContain("bad pass/word", invalid.Stalled.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.World.Calls.Find("rds", "CreateDBInstance"));

        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = "Good-Passw0rd-123" });
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("Has/slash@and-at")]
    public async Task A_master_password_RDS_would_refuse_stalls_before_any_aws_write(string password)
    {
        var db = RdsHarness.Sample();
        db.Spec.MasterPassword.GenerateIfMissing = false;
        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = password });

        var pass = await h.ReconcileAsync(db);

        Assert.Equal(("spec.masterPassword.secretRef", "InvalidPassword"), (pass.Stalled?.Field, pass.Stalled?.Reason));
        Assert.DoesNotContain(password, pass.Stalled!.Message, StringComparison.Ordinal);
        Assert.Empty(h.Aws.Mutations());
    }

    [Fact]
    public async Task A_connection_secret_ebops_does_not_own_stalls()
    {
        h.Secrets.Put(RdsHarness.Namespace, "orders-connection", new Dictionary<string, string> { ["host"] = "elsewhere" });
        var db = RdsHarness.Sample();

        var pass = await h.ConvergeAsync(db);

        Assert.Equal("spec.connectionSecret", pass.Stalled!.Field);
        Assert.Equal("elsewhere", h.Secrets.Value(RdsHarness.Namespace, "orders-connection", "host"));
    }

    [Fact]
    public async Task Paused_reads_and_reports_but_writes_nothing()
    {
        var db = RdsHarness.Sample();
        db.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.Paused] = "true" };

        await h.ReconcileAsync(db);
        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["password"] = "Good-Passw0rd-123" });
        var pass = await h.ReconcileAsync(db);

        Assert.Null(pass.Stalled);
        Assert.Empty(h.Aws.Mutations());
        Assert.DoesNotContain(h.Secrets.Requests, r => !r.StartsWith("read", StringComparison.Ordinal));
        var synced = h.Condition(db, ConditionTypes.Synced)!;
        Assert.Equal((ConditionStatus.Unknown, SyncConditions.Paused), (synced.Status, synced.Reason));
        Assert.Contains("DB instance orders does not exist", synced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paused_after_creation_leaves_drift_alone_and_says_what_differs()
    {
        var db = RdsHarness.Sample();
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        db.Metadata.Annotations = new Dictionary<string, string> { [EbopsAnnotations.Paused] = "true" };
        RdsHarness.Edit(db, spec => spec.InstanceClass = "db.t3.small");
        h.Aws.World.Calls.Clear();

        await h.ReconcileAsync(db);

        Assert.Empty(h.Aws.Mutations());
        Assert.Contains("spec.instanceClass", h.Condition(db, ConditionTypes.Synced)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_key_is_never_written_over_a_secret_the_cache_has_not_seen_change()
    {
        h.Secrets.Put(RdsHarness.Namespace, "orders-master", new Dictionary<string, string> { ["other"] = "kept" });
        h.Secrets.StaleResourceVersion = "0";
        var db = RdsHarness.Sample();

        await Assert.ThrowsAsync<TransientException>(() => h.ReconcileAsync(db));

        Assert.Null(h.Secrets.Value(RdsHarness.Namespace, "orders-master", "password"));
        Assert.Empty(h.Aws.Mutations());
        h.Secrets.StaleResourceVersion = null;
        Assert.Null((await h.ConvergeAsync(db)).Stalled);
        Assert.Equal("kept", h.Secrets.Value(RdsHarness.Namespace, "orders-master", "other"));
        Assert.NotNull(h.Secrets.Value(RdsHarness.Namespace, "orders-master", "password"));
    }
}
