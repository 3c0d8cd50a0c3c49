using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// The one way to assemble a <see cref="ControllerService{T}"/>: the host fills it from DI
/// (<see cref="FromServices"/>), tests set the parts they fake and keep the defaults for the rest.
/// </summary>
internal sealed class ControllerServiceBuilder<T>
    where T : class, ICustomResource
{
    /// <summary>Resolves the controller from a fresh scope for every reconcile.</summary>
    public required Func<IServiceProvider, IResourceController<T>> Controller { get; init; }

    public required IResourceClient<T> Client { get; init; }

    public required ResourceInformer<T> Informer { get; init; }

    public required IEventRecorder Events { get; init; }

    public IServiceScopeFactory Scopes { get; init; } = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    /// <summary>Every informer, for reference fingerprints (default: only <see cref="Informer"/>).</summary>
    public InformerRegistry? Informers { get; init; }

    public DependencyIndex Dependencies { get; init; } = new();

    public RuntimeMetrics Metrics { get; init; } = new(new Prometheus.CollectorRegistry());

    public ControllerOptions Options { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Told the outcome of every reconcile (optional).</summary>
    public IReconcileObserver? Observer { get; init; }

    /// <summary>Why a failed reconcile is retried, for the conditions (optional).</summary>
    public IRetryReasons? RetryReasons { get; init; }

    /// <summary>Jitter source of the queue (tests pass a constant).</summary>
    public Func<double>? Random { get; init; }

    public ControllerService<T> Build() => new(this);

    public static ControllerServiceBuilder<T> FromServices(IServiceProvider provider, ControllerOptions options,
        Func<IServiceProvider, IResourceController<T>> controller) => new()
    {
        Controller = controller,
        Client = provider.GetRequiredService<IResourceClient<T>>(),
        Informer = provider.GetRequiredService<ResourceInformer<T>>(),
        Events = provider.GetRequiredService<IEventRecorder>(),
        Scopes = provider.GetRequiredService<IServiceScopeFactory>(),
        Informers = provider.GetRequiredService<InformerRegistry>(),
        Dependencies = provider.GetRequiredService<DependencyIndex>(),
        Metrics = provider.GetRequiredService<RuntimeMetrics>(),
        Options = options,
        Time = provider.GetRequiredService<TimeProvider>(),
        Logger = provider.GetRequiredService<ILogger<ControllerService<T>>>(),
        Observer = provider.GetService<IReconcileObserver>(),
        RetryReasons = provider.GetService<IRetryReasons>(),
    };
}
