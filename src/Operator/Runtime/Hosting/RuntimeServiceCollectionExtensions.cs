using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Watch;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Registration API of the runtime: <c>services.AddEbopsRuntime()</c> once, then <c>AddController&lt;TEntity, TController&gt;()</c>
/// per reconciled kind and <c>AddResourceCache&lt;TEntity&gt;()</c> per kind that is only read.
/// </summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers a controller for <typeparamref name="TEntity"/> (group/version/plural from its [KubernetesEntity]) and
    /// the kind's cache. The controller is resolved from a fresh DI scope for every reconcile. <paramref name="configure"/>
    /// may adjust the per-kind options derived from <see cref="OperatorOptions"/> (finalizer name, workers, watcher and
    /// queue tuning; namespace and label selector apply to the kind's cache too).
    /// </summary>
    public static IServiceCollection AddController<TEntity, TController>(this IServiceCollection services,
        Func<ControllerOptions, ControllerOptions>? configure = null)
        where TEntity : class, ICustomResource
        where TController : class, IResourceController<TEntity>
    {
        services.AddEbopsRuntime();
        Registry(services).AddController(typeof(TEntity));
        services.TryAddScoped<TController>();
        // One checkpoint per reconcile scope, bound by the controller service before the controller runs.
        services.TryAddScoped<StatusCheckpoint<TEntity>>();
        services.TryAddScoped<IStatusCheckpoint<TEntity>>(provider => provider.GetRequiredService<StatusCheckpoint<TEntity>>());
        services.AddSingleton(new ControllerRegistration<TEntity>(configure));
        services.AddResourceCache<TEntity>();
        services.AddSingleton<IControllerRunner>(provider => ControllerServiceBuilder<TEntity>.FromServices(
            provider, Options<TEntity>(provider), scoped => scoped.GetRequiredService<TController>()).Build());
        return services;
    }

    /// <summary>
    /// Watches <typeparamref name="TEntity"/> into a cache without reconciling it, so controllers can inject
    /// <see cref="IResourceCache{T}"/> and reference the kind (<see cref="IReferences{T}"/>). Idempotent.
    /// </summary>
    public static IServiceCollection AddResourceCache<TEntity>(this IServiceCollection services)
        where TEntity : class, ICustomResource
    {
        services.AddEbopsRuntime();
        if (!Registry(services).AddCache(typeof(TEntity)))
        {
            return services;
        }

        // Controllers may inject the client too, for writes in the middle of a long reconcile.
        services.TryAddSingleton<IResourceClient<TEntity>>(provider => new CustomObjectClient<TEntity>(provider.GetRequiredService<IKubernetes>()));
        services.AddSingleton(provider =>
        {
            var options = Options<TEntity>(provider);
            return new ResourceInformer<TEntity>(
                new CustomObjectWatchSource<TEntity>(provider.GetRequiredService<IKubernetes>(), options.Namespace, options.LabelSelector),
                options.Watcher, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ResourceInformer<TEntity>>>());
        });
        services.AddSingleton<IResourceCache<TEntity>>(provider => provider.GetRequiredService<ResourceInformer<TEntity>>());
        services.AddSingleton<IInformer>(provider => provider.GetRequiredService<ResourceInformer<TEntity>>());
        return services;
    }

    /// <summary>The runtime's shared services (idempotent). <see cref="IKubernetes"/> is built from the options unless registered.</summary>
    public static IServiceCollection AddEbopsRuntime(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OperatorRuntime)))
        {
            return services;
        }

        services.AddOptions<OperatorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKubernetes>(provider => KubernetesClientFactory.Create(
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value, provider.GetRequiredService<RuntimeMetrics>()));
        services.TryAddSingleton(_ => new RuntimeMetrics());
        services.TryAddSingleton<RuntimeHealth>();
        services.TryAddSingleton<IEventSink>(provider => new KubernetesEventSink(provider.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton(new EventRecorderOptions());
        services.TryAddSingleton<IEventRecorder, EventRecorder>();
        services.TryAddSingleton<ISecretStore>(provider => new SecretStore(provider.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
            var ns = string.IsNullOrWhiteSpace(settings.Namespace) ? null : settings.Namespace;
            return new SecretInformer(new SecretWatchSource(provider.GetRequiredService<IKubernetes>(), ns), new WatcherOptions(),
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SecretInformer>>());
        });
        services.TryAddSingleton<ISecretCache>(provider => provider.GetRequiredService<SecretInformer>());
        services.TryAddSingleton(provider => new InformerRegistry(
            [provider.GetRequiredService<SecretInformer>(), .. provider.GetServices<IInformer>()]));
        services.TryAddSingleton<DependencyIndex>();
        services.TryAddSingleton(provider => new LeaderElection(provider.GetRequiredService<IKubernetes>(),
            ElectionOptions(provider.GetRequiredService<IOptions<OperatorOptions>>().Value), provider.GetRequiredService<RuntimeMetrics>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<LeaderElection>>()));
        services.AddSingleton(new ControllerRegistry());
        services.AddSingleton<OperatorRuntime>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<OperatorRuntime>());
        return services;
    }

    private static LeaderElectionOptions ElectionOptions(OperatorOptions settings) => new()
    {
        LeaseName = settings.LeaseName(),
        LeaseNamespace = string.IsNullOrWhiteSpace(settings.LeaderElectionNamespace)
            ? KubernetesClientFactory.PodNamespace() ?? "default"
            : settings.LeaderElectionNamespace,
        LeaseDuration = settings.LeaseDuration,
        RenewDeadline = settings.RenewDeadline,
        RetryPeriod = settings.RetryPeriod,
    };

    private static ControllerOptions Options<TEntity>(IServiceProvider provider)
        where TEntity : class, ICustomResource
    {
        var settings = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
        return provider.GetService<ControllerRegistration<TEntity>>()?.Resolve(settings) ?? ControllerRegistration<TEntity>.Defaults(settings);
    }

    private static ControllerRegistry Registry(IServiceCollection services) =>
        (ControllerRegistry)services.First(d => d.ServiceType == typeof(ControllerRegistry)).ImplementationInstance!;
}
