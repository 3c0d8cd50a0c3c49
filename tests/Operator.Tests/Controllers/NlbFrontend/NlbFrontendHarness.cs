using Ebops.Operator.Controllers;
using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support;
using Ebops.Operator.Tests.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Support;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>
/// The NlbFrontend controller over the simulator (real managers, real clients) with fake caches and events, driven
/// the way the runtime drives it: a terminal error marks the object Stalled, status stays on the object between calls.
/// </summary>
internal sealed class NlbFrontendHarness : IAsyncDisposable
{
    public const string Namespace = "default";
    public const string AppName = "myapp";
    public const string Service = "elasticloadbalancing";

    private NlbFrontendHarness(SimulatedAws aws)
    {
        Aws = aws;
        Kit = new NlbKit(aws);
        Settings = new ControllerSettings { ClusterName = SimulatedAws.Cluster };
        Controller = NewController();
    }

    public SimulatedAws Aws { get; }

    /// <summary>The managers (singletons, as in the operator: the release uses the same ones).</summary>
    public NlbKit Kit { get; }

    public ControllerSettings Settings { get; }

    public FakeResourceCache<Operator.Entities.BeanstalkApp> Apps { get; } = new();

    public FakeResourceCache<Operator.Entities.NlbFrontend> Frontends { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public NlbFrontendController Controller { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NlbFrontendHarness> StartAsync(Action<AwsSimulatorOptions>? configure = null) =>
        new(await SimulatedAws.StartAsync(configure: configure));

    public NlbFrontendController NewController() => new(
        new NlbFrontendSync(Kit.LoadBalancers, Kit.TargetGroups, Kit.Listeners, Kit.ElasticIps, Events),
        new NlbPreflightReader(new SubnetPlacementReader(Aws.Ec2), Kit.ElasticIps, Kit.TargetGroups, Frontends),
        new NlbFrontendDeletion(Kit.LoadBalancers, Kit.TargetGroups, Kit.Listeners, Kit.ElasticIps, Events),
        Apps, Options.Create(Settings), Aws.Time, NullLogger<NlbFrontendController>.Instance);

    public static Operator.Entities.NlbFrontend Frontend(string name = "frontend", params NlbSubnet[] subnets) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = Namespace, Uid = "uid-" + name, Generation = 1, Annotations = new Dictionary<string, string>() },
        Spec = new NlbFrontendSpec
        {
            Subnets = subnets.Length > 0 ? [.. subnets] : [new() { SubnetId = SandboxNetwork.SubnetA, Allocate = true }, new() { SubnetId = SandboxNetwork.SubnetC, Allocate = true }],
            BackendRef = new() { Name = AppName },
        },
    };

    /// <summary>Puts the backend BeanstalkApp in the cache (Ready unless told otherwise).</summary>
    public Operator.Entities.BeanstalkApp PutApp(bool ready = true, int listenerPort = 80, Action<Operator.Entities.BeanstalkApp>? change = null, string name = AppName)
    {
        var app = new Operator.Entities.BeanstalkApp
        {
            Metadata = new() { Name = name, NamespaceProperty = Namespace, Generation = 1 },
            Spec = new BeanstalkAppSpec { ApplicationName = name, LoadBalancer = new() { ListenerPort = listenerPort } },
            Status = new BeanstalkAppStatus(),
        };
        Conditions.Set(app.Status, ConditionTypes.Ready, ready ? ConditionStatus.True : ConditionStatus.False, "Test", null, 1, Aws.Time.GetUtcNow());
        change?.Invoke(app);
        Apps.Put(app);
        return app;
    }

    /// <summary>One reconcile as the runtime runs it.</summary>
    public async Task<NlbOutcome> ReconcileAsync(Operator.Entities.NlbFrontend entity)
    {
        Frontends.Put(entity);
        try
        {
            return new NlbOutcome(await Controller.ReconcileAsync(entity, Ct), null, null);
        }
        catch (TerminalException e)
        {
            Conditions.MarkStalled(entity, Aws.Time, e.Reason, e.UserMessage);
            return new NlbOutcome(null, e, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new NlbOutcome(null, null, e);
        }
    }

    /// <summary>Reconciles, waits for the NLB to provision (advancing the fake clock), and reconciles again: Ready.</summary>
    public async Task<NlbOutcome> CreateReadyAsync(Operator.Entities.NlbFrontend entity)
    {
        var first = await ReconcileAsync(entity);
        Assert.Null(first.Terminal);
        Assert.Null(first.Error);
        Aws.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await ReconcileAsync(entity);
        Assert.True(Conditions.IsTrue(entity.Status, ConditionTypes.Ready), Conditions.Find(entity.Status, ConditionTypes.Ready)?.Message);
        return second;
    }

    public async Task<NlbOutcome> FinalizeAsync(Operator.Entities.NlbFrontend entity)
    {
        try
        {
            return new NlbOutcome(await Controller.FinalizeAsync(entity, Ct), null, null);
        }
        catch (TerminalException e)
        {
            return new NlbOutcome(null, e, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new NlbOutcome(null, null, e);
        }
    }

    /// <summary>The spec changed: a new generation, as the API server would assign.</summary>
    public static void Bump(Operator.Entities.NlbFrontend entity) => entity.Metadata.Generation = (entity.Metadata.Generation ?? 1) + 1;

    public static string? Reason(Operator.Entities.NlbFrontend entity, string type) => Conditions.Find(entity.Status, type)?.Reason;

    public static string? Message(Operator.Entities.NlbFrontend entity, string type) => Conditions.Find(entity.Status, type)?.Message;

    public IReadOnlyList<string> Mutations() => Aws.Mutations();

    /// <summary>Reasons of the events recorded so far, in order.</summary>
    public IReadOnlyList<string> Reasons => [.. Events.Events.Select(e => e.Reason)];

    public async Task<ListenerObserved> ListenerAsync(Operator.Entities.NlbFrontend entity) =>
        (await Kit.Listeners.ReadSettledAsync(entity.Status!.ListenerArn!, Ct))!;

    public ValueTask DisposeAsync() => Aws.DisposeAsync();
}
