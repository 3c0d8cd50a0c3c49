using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Ebops.Operator.Controllers;
using Ebops.Operator.Runtime.Hosting;

namespace Ebops.Operator.Controllers.Registration;

public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the four ebops controllers and their shared <see cref="ControllerSettings"/> (section
    /// <c>Controllers</c>). The runtime (<c>AddEbopsRuntime</c>) and the AWS clients (<c>AddEbopsAws</c>) are
    /// registered by the caller.
    /// </summary>
    public static IServiceCollection AddEbopsControllers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ControllerSettings>().Bind(configuration.GetSection(ControllerSettings.SectionName));
        BeanstalkApp.BeanstalkAppServiceCollectionExtensions.AddBeanstalkAppServices(services, configuration)
            .AddController<Entities.BeanstalkApp, BeanstalkApp.BeanstalkAppController>()
            .AddResourceCache<Entities.RdsDatabase>().AddResourceCache<Entities.BlueGreenRelease>();
        services.AddNlbFrontend();
        services.AddBlueGreenRelease(configuration);
        return services;
    }
}
