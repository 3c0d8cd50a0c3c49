using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.BeanstalkApp;

public static class BeanstalkAppServiceCollectionExtensions
{
    /// <summary>
    /// Registers the BeanstalkApp controller, its settings (section <c>Controllers:BeanstalkApp</c>) and the AWS
    /// managers it uses (singletons, shared with BlueGreenRelease: <see cref="EnvironmentManager"/>,
    /// <see cref="ConfigurationTemplateManager"/>, <see cref="ApplicationManager"/>).
    /// </summary>
    public static IServiceCollection AddBeanstalkAppController(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BeanstalkAppSettings>().Bind(configuration.GetSection(BeanstalkAppSettings.SectionName));
        services.TryAddSingleton(sp => new ManagerSettings(
            sp.GetRequiredService<IOptions<ControllerSettings>>().Value.ClusterName, sp.GetRequiredService<IOptions<ControllerSettings>>().Value.PollInterval));
        services.TryAddSingleton<ApplicationManager>();
        services.TryAddSingleton<ConfigurationTemplateManager>();
        services.TryAddSingleton<EnvironmentManager>();
        services.TryAddSingleton<SecurityGroupManager>();
        services.TryAddSingleton<EnvironmentNetworkResolver>();
        services.TryAddSingleton<TemplateCompareSchedule>();
        services.TryAddSingleton<BeanstalkAppManagers>();
        services.TryAddTransient<BeanstalkAppCaches>();

        // envFrom's databases and the app's release are read from the watch caches (and referenced).
        services.AddResourceCache<Entities.RdsDatabase>();
        services.AddResourceCache<Entities.BlueGreenRelease>();
        services.AddController<Entities.BeanstalkApp, BeanstalkAppController>();
        return services;
    }
}
