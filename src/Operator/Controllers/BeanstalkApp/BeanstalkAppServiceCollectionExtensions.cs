using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.ElasticBeanstalk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.BeanstalkApp;

public static class BeanstalkAppServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the BeanstalkApp controller needs: its settings (section <c>Controllers:BeanstalkApp</c>) and
    /// the AWS managers (singletons, shared with BlueGreenRelease: <see cref="EnvironmentManager"/>,
    /// <see cref="ConfigurationTemplateManager"/>, <see cref="ApplicationManager"/>). <c>AddEbopsControllers</c>, which
    /// may use the host, registers the controller itself and the kinds it reads:
    /// <code>
    /// services.AddController&lt;Entities.BeanstalkApp, BeanstalkAppController&gt;();
    /// services.AddResourceCache&lt;Entities.RdsDatabase&gt;();      // envFrom
    /// services.AddResourceCache&lt;Entities.BlueGreenRelease&gt;(); // the active colour
    /// services.AddResourceCache&lt;Entities.NlbFrontend&gt;();      // deleted before the environments
    /// </code>
    /// </summary>
    public static IServiceCollection AddBeanstalkAppServices(this IServiceCollection services, IConfiguration configuration)
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
        return services;
    }
}
