using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.Registration;

public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the four ebops controllers, their shared <see cref="ControllerSettings"/> (section
    /// <c>Controllers</c>), the <see cref="ReleaseMetrics"/> and <see cref="AwsRetryReasons"/>. The runtime (<c>AddEbopsRuntime</c>) and the AWS
    /// clients (<c>AddEbopsAws</c>) are registered by the caller.
    /// </summary>
    public static IServiceCollection AddEbopsControllers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ControllerSettings>().Bind(configuration.GetSection(ControllerSettings.SectionName));
        services.TryAddSingleton(_ => new ReleaseMetrics());
        services.TryAddSingleton<Runtime.Reconciliation.IRetryReasons, AwsRetryReasons>();
        services.AddBeanstalkApp(configuration);
        services.AddNlbFrontend();
        services.AddRdsDatabase();
        services.AddBlueGreenRelease(configuration);
        return services;
    }
}
