using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Watch;
using Ebops.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Operator.Tests.Runtime.Support;

/// <summary>
/// One <see cref="ControllerService{T}"/> of Widgets over a stateful fake API whose changes reach the informer as
/// watch events (like a real API server), plus a Secret informer fed by the test. Reconciles are driven by the test
/// (<see cref="ProcessAsync"/>); <see cref="SettledAsync"/> waits until the cache has every change made so far.
/// </summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private Task lastEvent = Task.CompletedTask;
    private List<(WatchEventType Type, Widget Widget)>? held;

    public ControllerHarness(IResourceController<Widget> controller, TimerSignallingTimeProvider time, FakeResourceClient<Widget>? api = null,
        ControllerOptions? options = null)
        : this(_ => controller, time, api, options)
    {
    }

    /// <summary>A controller resolved per reconcile from <paramref name="scopes"/> (as the host does), for controllers
    /// that take scoped runtime services such as the status checkpoint.</summary>
    public ControllerHarness(Func<IServiceProvider, IResourceController<Widget>> controller, TimerSignallingTimeProvider time,
        FakeResourceClient<Widget>? api = null, ControllerOptions? options = null, IServiceScopeFactory? scopes = null)
    {
        Time = time;
        Api = api ?? new FakeResourceClient<Widget>();
        Informer = new ResourceInformer<Widget>(Source, new WatcherOptions(), Time, NullLogger.Instance, () => 0);
        Secrets = new SecretInformer(SecretSource, new WatcherOptions(), Time, NullLogger.Instance, () => 0);
        var informers = new InformerRegistry([Informer, Secrets]);
        Dependencies.Attach(informers);
        Service = new ControllerServiceBuilder<Widget>
        {
            Controller = controller,
            Scopes = scopes ?? new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            Client = Api,
            Informer = Informer,
            Informers = informers,
            Dependencies = Dependencies,
            Events = new EventRecorder(Sink, new EventRecorderOptions { ReportingInstance = "test" }, Time, NullLogger<EventRecorder>.Instance),
            Options = options ?? new ControllerOptions(),
            Time = Time,
            Random = () => 0,
        }.Build();
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TimerSignallingTimeProvider Time { get; }

    public FakeResourceClient<Widget> Api { get; }

    public FakeWatchSource<Widget> Source { get; } = new();

    public FakeWatchSource<SecretEntry> SecretSource { get; } = new();

    public FakeEventSink Sink { get; } = new();

    public DependencyIndex Dependencies { get; } = new();

    public ResourceInformer<Widget> Informer { get; }

    public SecretInformer Secrets { get; }

    public ControllerService<Widget> Service { get; }

    /// <summary>Lists what the API holds and starts both watches; unless told to keep them, takes the keys the first list queued.</summary>
    public async Task StartAsync(bool keepQueuedKeys = false)
    {
        Source.Items = Api.All();
        var watching = Source.WatchStarted.Task;
        var secretsWatching = SecretSource.WatchStarted.Task;
        running.Add(Task.Run(() => Informer.RunAsync(stop.Token), Ct));
        running.Add(Task.Run(() => Secrets.RunAsync(stop.Token), Ct));
        await watching.WaitAsync(Ct);
        await secretsWatching.WaitAsync(Ct);
        Api.Changed = (type, widget) =>
        {
            if (held is not null)
            {
                held.Add((type, widget));
            }
            else
            {
                lastEvent = Source.Push(type, widget);
            }
        };
        if (!keepQueuedKeys)
        {
            await DrainQueueAsync();
        }
    }

    /// <summary>From now on the watch delivers nothing (a slow watch): the cache falls behind the API.</summary>
    public void HoldWatch() => held = [];

    /// <summary>Delivers what the watch held back, in order.</summary>
    public void ReleaseWatch()
    {
        var pending = held ?? [];
        held = null;
        foreach (var (type, widget) in pending)
        {
            lastEvent = Source.Push(type, widget);
        }
    }

    /// <summary>Until the informer has handled every change the fake API made so far.</summary>
    public Task SettledAsync() => lastEvent.WaitAsync(Ct);

    public Task<ReconcileOutcome> ProcessAsync(string name = "w") => Service.ProcessAsync(new ResourceKey("default", name), Ct);

    /// <summary>Takes every queued key (as a worker would, without reconciling): the queue is empty afterwards.</summary>
    public async Task DrainQueueAsync()
    {
        while (Service.Queue.Depth > 0)
        {
            var item = await Service.Queue.TakeAsync(Ct);
            Service.Queue.Done(item!.Key);
        }
    }

    /// <summary>A Secret appears or changes, as its watch would report it; completes once the runtime handled it.</summary>
    public Task PutSecretAsync(string name, string resourceVersion, IDictionary<string, byte[]>? data = null, V1OwnerReference? owner = null) =>
        SecretSource.Push(WatchEventType.Modified, SecretEntry.From(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "default",
                ResourceVersion = resourceVersion,
                OwnerReferences = owner is null ? null : [owner],
            },
            Data = data ?? new Dictionary<string, byte[]>(),
        }));

    /// <summary>A stored Widget as the fake API keeps it (generation 1, a uid).</summary>
    public static Widget Stored(string name, string? secret = null) => Widget.New(name, "default", 1, secret);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var loop in running)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        Service.Queue.Dispose();
        stop.Dispose();
    }
}
