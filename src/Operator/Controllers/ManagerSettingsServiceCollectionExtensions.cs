using Ebops.Operator.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers;

public static class ManagerSettingsServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="ManagerSettings"/> every AWS manager takes, from <see cref="ControllerSettings"/>: the cluster name
    /// the ownership tags carry, steady-state snapshots that live one poll interval, and recent snapshots (objects AWS
    /// is working on, polled every <see cref="ControllerSettings.BusyRequeue"/>) that live a third of that. Idempotent: each controller's
    /// registration calls it, the first one wins.
    /// </summary>
    public static IServiceCollection AddManagerSettings(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ControllerSettings>>().Value;
            return new ManagerSettings(settings.ClusterName, settings.PollInterval, settings.BusyRequeue / 3);
        });
        return services;
    }
}
