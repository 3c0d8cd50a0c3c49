using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.Registration;

public static class BlueGreenReleaseServiceCollectionExtensions
{
    /// <summary>
    /// The BlueGreenRelease controller, its settings (section <c>Release</c>), the caches of the kinds it reads
    /// (BeanstalkApp, NlbFrontend, RdsDatabase) and the managers it shares with them (singletons: the environment,
    /// target group and listener managers; its own application version manager, environment tag cache and HTTP probe).
    /// The AWS clients come from <c>AddEbopsAws</c>.
    /// </summary>
    public static IServiceCollection AddBlueGreenRelease(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReleaseSettings>().Bind(configuration.GetSection(ReleaseSettings.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddManagerSettings();
        services.TryAddSingleton<EnvironmentManager>();
        services.TryAddSingleton<TargetGroupManager>();
        services.TryAddSingleton<ListenerManager>();
        services.TryAddSingleton<ApplicationVersionManager>();
        services.TryAddSingleton<EnvironmentTagCache>();
        services.TryAddSingleton<HttpProbe>();
        services.TryAddScoped<EnvironmentReader>();
        services.TryAddScoped<TrafficReader>();
        services.TryAddScoped<GateMeasurer>();
        services.TryAddScoped<ReleaseObserver>();
        services.TryAddScoped<ReleaseExecutor>();
        services.TryAddTransient<ReleaseCaches>();
        services.AddResourceCache<Entities.BeanstalkApp>().AddResourceCache<Entities.NlbFrontend>().AddResourceCache<Entities.RdsDatabase>();
        services.AddController<Entities.BlueGreenRelease, BlueGreenReleaseController>();
        return services;
    }
}
