using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Controllers;
using Ebops.Operator.Runtime.Election;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Watch;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>Registration API of the runtime: <c>services.AddEbopsRuntime()</c> once, then <c>AddController&lt;TEntity, TController&gt;()</c> per kind.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers a controller for <typeparamref name="TEntity"/> (group/version/plural from its [KubernetesEntity]).
    /// The controller is resolved from a fresh DI scope for every reconcile. <paramref name="configure"/> may adjust the
    /// per-kind options derived from <see cref="OperatorOptions"/> (finalizer name, workers, watcher and queue tuning).
    /// </summary>
    public static IServiceCollection AddController<TEntity, TController>(this IServiceCollection services,
        Func<ControllerOptions, ControllerOptions>? configure = null)
        where TEntity : class, ICustomResource
        where TController : class, IResourceController<TEntity>
    {
        services.AddEbopsRuntime();
        services.TryAddScoped<TController>();
        // Controllers may inject it too, for writes in the middle of a long reconcile.
        services.TryAddSingleton<IResourceClient<TEntity>>(provider => new CustomObjectClient<TEntity>(provider.GetRequiredService<IKubernetes>()));
        Registry(services).Add(typeof(TEntity), typeof(ISecretReferences<TEntity>).IsAssignableFrom(typeof(TController)));
        services.AddSingleton<IControllerRunner>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
            var options = new ControllerOptions
            {
                Namespace = string.IsNullOrWhiteSpace(settings.Namespace) ? null : settings.Namespace,
                LabelSelector = string.IsNullOrWhiteSpace(settings.LabelSelector) ? null : settings.LabelSelector,
                Workers = settings.MaxConcurrentReconciles,
                Queue = new WorkQueueOptions { ResyncPeriod = settings.ResyncPeriod > TimeSpan.Zero ? settings.ResyncPeriod : null },
            };
            options = configure?.Invoke(options) ?? options;
            var client = provider.GetRequiredService<IKubernetes>();
            return new ControllerService<TEntity>(
                provider.GetRequiredService<IServiceScopeFactory>(),
                scoped => scoped.GetRequiredService<TController>(),
                provider.GetRequiredService<IResourceClient<TEntity>>(),
                new CustomObjectWatchSource<TEntity>(client, options.Namespace, options.LabelSelector),
                provider.GetRequiredService<IEventRecorder>(),
                provider.GetRequiredService<SecretDependencyIndex>(),
                provider.GetRequiredService<RuntimeMetrics>(),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ControllerService<TEntity>>>());
        });
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
        services.TryAddSingleton<IKubernetes>(provider => new Kubernetes(KubernetesClientFactory.Configuration(provider.GetRequiredService<IOptions<OperatorOptions>>().Value)));
        services.TryAddSingleton(_ => new RuntimeMetrics());
        services.TryAddSingleton<SecretDependencyIndex>();
        services.TryAddSingleton<RuntimeHealth>();
        services.TryAddSingleton<IEventSink>(provider => new KubernetesEventSink(provider.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton(new EventRecorderOptions());
        services.TryAddSingleton<IEventRecorder, EventRecorder>();
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;
            var leaseNamespace = string.IsNullOrWhiteSpace(settings.LeaderElectionNamespace)
                ? KubernetesClientFactory.PodNamespace() ?? "default"
                : settings.LeaderElectionNamespace;
            return new LeaderElection(provider.GetRequiredService<IKubernetes>(), leaseNamespace, settings, provider.GetRequiredService<RuntimeMetrics>(),
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<LeaderElection>>());
        });
        services.AddSingleton(new ControllerRegistry());
        services.AddSingleton<OperatorRuntime>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<OperatorRuntime>());
        return services;
    }

    private static ControllerRegistry Registry(IServiceCollection services) =>
        (ControllerRegistry)services.First(d => d.ServiceType == typeof(ControllerRegistry)).ImplementationInstance!;
}
