using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.RdsDatabase;

public static class RdsDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// What the RdsDatabase controller uses: the managers and the RDS catalogue as singletons (they hold the
    /// steady-state snapshots and the catalogue cache), the steps per reconcile. Idempotent for the shared managers.
    /// The composition root adds the controller itself and the BeanstalkApp cache it reads:
    /// <c>services.AddResourceCache&lt;BeanstalkApp&gt;()</c> and <c>services.AddController&lt;RdsDatabase, RdsDatabaseController&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddRdsDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ControllerSettings>>().Value;
            return new ManagerSettings(settings.ClusterName, settings.PollInterval);
        });
        services.TryAddSingleton<SecurityGroupManager>();
        services.TryAddSingleton<SubnetGroupManager>();
        services.TryAddSingleton<ParameterGroupManager>();
        services.TryAddSingleton<DbInstanceManager>();
        services.TryAddSingleton<RdsCatalog>();
        services.TryAddSingleton<ParameterAudit>();
        services.TryAddSingleton<RdsSpecChecks>();
        services.TryAddScoped<RdsSecrets>();
        services.TryAddScoped<RdsNetworkStep>();
        services.TryAddScoped<RdsParameterStep>();
        services.TryAddScoped<RdsMaintenance>();
        services.TryAddScoped<RdsInstanceStep>();
        services.TryAddScoped<RdsFinalizer>();
        return services;
    }
}
