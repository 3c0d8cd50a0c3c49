using System.Text.Json;
using Ebops.Operator.Controllers;
using RdsDb = Ebops.Operator.Entities.RdsDatabase;
using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Tests.Shared;
using Ebops.Operator.Tests.Controllers.Support;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws.Core;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using AppEntity = Ebops.Operator.Entities.BeanstalkApp;

namespace Ebops.Operator.Tests.Controllers.RdsDatabase;

/// <summary>
/// The RdsDatabase controller with its real managers against the simulator (timing scaled to a tenth), fakes of the
/// runtime contracts (Secrets, the BeanstalkApp cache, events), and a small driver that does what the runtime does
/// around a reconcile: finalize when deleting, a terminal error becomes Stalled, status.observedGeneration follows.
/// </summary>
internal sealed class RdsHarness : IAsyncDisposable
{
    public const string Namespace = "default";

    private RdsHarness(SimulatedAws aws)
    {
        Aws = aws;
        Logs = new CapturingLoggerProvider();
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Settings = new ControllerSettings { ClusterName = SimulatedAws.Cluster };
        var catalog = new RdsCatalog(aws.Rds);
        Catalog = catalog;
        var instances = aws.Create<DbInstanceManager>(loggers);
        var subnetGroups = aws.Create<SubnetGroupManager>(loggers);
        var parameterGroups = aws.Create<ParameterGroupManager>(loggers, catalog);
        SecurityGroups = aws.Create<SecurityGroupManager>(loggers);
        var secrets = new RdsSecrets(Secrets, Secrets);
        var checks = new RdsSpecChecks(catalog);
        Controller = new RdsDatabaseController(Options.Create(Settings), aws.Time, Events, checks, secrets,
            new RdsNetworkStep(subnetGroups, new SubnetGroupPreflight(aws.Ec2), SecurityGroups, Apps),
            new RdsParameterStep(parameterGroups, Audit),
            new RdsInstanceStep(instances, secrets, new RdsMaintenance(instances, parameterGroups, secrets)),
            new RdsFinalizer(instances, subnetGroups, parameterGroups, SecurityGroups, secrets));
    }

    public SimulatedAws Aws { get; }

    /// <summary>When each database's parameter values were last read (the controller's memory of them).</summary>
    public ParameterAudit Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; }

    public ControllerSettings Settings { get; }

    public RdsCatalog Catalog { get; }

    public SecurityGroupManager SecurityGroups { get; }

    public FakeSecrets Secrets { get; } = new();

    public FakeResourceCache<AppEntity> Apps { get; } = new();

    public RecordingEvents Events { get; } = new();

    public RdsDatabaseController Controller { get; }

    /// <summary>Every outcome so far (terminal messages included), for leak scans.</summary>
    public List<string> Outcomes { get; } = [];

    public static async Task<RdsHarness> StartAsync() => new(await SimulatedAws.StartAsync(new SimTiming(0.1)));

    /// <summary>The sample's RdsDatabase with the sandbox's subnets, no app rule unless asked.</summary>
    public static RdsDb Sample(string identifier = "orders", bool appRule = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = identifier, NamespaceProperty = Namespace, Uid = "uid-" + identifier, Generation = 1 },
        Spec = new RdsDatabaseSpec
        {
            Identifier = identifier,
            EngineVersion = "8.0",
            InstanceClass = "db.t3.micro",
            AllocatedStorage = 20,
            DbName = "shop",
            Network = new RdsNetwork
            {
                Subnets = [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC],
                SecurityGroup = new RdsSecurityGroup
                {
                    Ingress =
                    [
                        new RdsIngressRule { Port = 3306, FromCidr = "203.0.113.0/24", Description = "admin" },
                        .. appRule ? [new RdsIngressRule { Port = 3306, FromSecurityGroupOf = new SecurityGroupOwnerReference { Name = "myapp" } }] : Array.Empty<RdsIngressRule>(),
                    ],
                },
            },
            MasterPassword = new MasterPasswordSource { SecretRef = new SecretKeyReference { Name = identifier + "-master" }, GenerateIfMissing = true },
            Parameters = new RdsParameters { Overrides = new Dictionary<string, string> { ["time_zone"] = "Asia/Seoul" }, RebootPolicy = RebootPolicy.Immediate },
            ConnectionSecret = new LocalObjectReference { Name = identifier + "-connection" },
        },
    };

    /// <summary>One pass, as the runtime makes it.</summary>
    public async Task<Pass> ReconcileAsync(RdsDb db)
    {
        try
        {
            var result = db.Metadata.DeletionTimestamp is null
                ? await Controller.ReconcileAsync(db, TestContext.Current.CancellationToken)
                : await Controller.FinalizeAsync(db, TestContext.Current.CancellationToken);
            Outcomes.Add(result.Reason ?? "done");
            return new Pass(result, null);
        }
        catch (TerminalException e)
        {
            Conditions.MarkStalled(db, Aws.Time, e.Reason, e.UserMessage);
            Outcomes.Add(e.ToString());
            return new Pass(null, e);
        }
        finally
        {
            if (db.Status is { } status)
            {
                status.ObservedGeneration = db.Metadata.Generation;
            }
        }
    }

    /// <summary>Reconciles, advancing the clock by each requeue, until <paramref name="done"/> holds (or it stalls).
    /// Transient failures (faults) are retried after the runtime's first backoff step.</summary>
    public async Task<Pass> ConvergeAsync(RdsDb db, Func<RdsDb, Pass, bool>? done = null, int passes = 60)
    {
        done ??= (d, _) => Conditions.IsTrue(d.Status, ConditionTypes.Ready) && !Conditions.IsTrue(d.Status, ConditionTypes.Reconciling);
        Pass pass = new(null, null);
        for (var i = 0; i < passes; i++)
        {
            try
            {
                pass = await ReconcileAsync(db);
            }
            catch (Exception e) when (e is not TerminalException and not Xunit.Sdk.XunitException)
            {
                Outcomes.Add(e.ToString());
                Aws.Time.Advance(TimeSpan.FromSeconds(5));
                continue;
            }

            if (pass.Stalled is not null || done(db, pass))
            {
                return pass;
            }

            Aws.Time.Advance(pass.Result?.Delay ?? TimeSpan.FromSeconds(5));
        }

        throw new InvalidOperationException($"did not converge: {JsonSerializer.Serialize(db.Status)}");
    }

    /// <summary>Changes the spec (a new generation).</summary>
    public static void Edit(RdsDb db, Action<RdsDatabaseSpec> change)
    {
        change(db.Spec);
        db.Metadata.Generation++;
    }

    /// <summary>Marks the object deleted (finalizer present, as the runtime keeps it).</summary>
    public void Delete(RdsDb db) => db.Metadata.DeletionTimestamp = Aws.Time.GetUtcNow().UtcDateTime;

    public Condition? Condition(RdsDb db, string type) => Conditions.Find(db.Status, type);

    public AppEntity App(string name, string? groupId) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Uid = "uid-app-" + name, Generation = 1 },
        Status = new BeanstalkAppStatus { InstanceSecurityGroupId = groupId },
    };

    public ValueTask DisposeAsync() => Aws.DisposeAsync();

    /// <summary>A pass's outcome: a result, or the terminal error that stalled it.</summary>
    public sealed record Pass(ReconcileResult? Result, TerminalException? Stalled);
}
