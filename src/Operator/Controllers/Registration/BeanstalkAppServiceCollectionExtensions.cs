using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.Registration;

public static class BeanstalkAppServiceCollectionExtensions
{
    /// <summary>
    /// The BeanstalkApp controller, its settings (section <c>Controllers:BeanstalkApp</c>), the caches of the kinds it
    /// reads (RdsDatabase for envFrom, BlueGreenRelease for the active colour, NlbFrontend: deleted before the environments) and the AWS managers (singletons, shared
    /// with BlueGreenRelease: <see cref="EnvironmentManager"/>, <see cref="ConfigurationTemplateManager"/>,
    /// <see cref="ApplicationManager"/>). The AWS clients come from <c>AddEbopsAws</c>.
    /// </summary>
    public static IServiceCollection AddBeanstalkApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BeanstalkAppSettings>().Bind(configuration.GetSection(BeanstalkAppSettings.SectionName));
        services.AddManagerSettings();
        services.TryAddSingleton<ApplicationManager>();
        services.TryAddSingleton<ConfigurationTemplateManager>();
        services.TryAddSingleton<EnvironmentManager>();
        services.TryAddSingleton<SecurityGroupManager>();
        services.TryAddSingleton<EnvironmentNetworkResolver>();
        services.TryAddSingleton<TemplateCompareSchedule>();
        services.TryAddSingleton<BeanstalkAppManagers>();
        services.TryAddTransient<BeanstalkAppCaches>();
        services.AddResourceCache<Entities.RdsDatabase>().AddResourceCache<Entities.BlueGreenRelease>().AddResourceCache<Entities.NlbFrontend>();
        services.AddController<Entities.BeanstalkApp, BeanstalkAppController>();
        return services;
    }
}
