using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.RdsDatabase;

public static class RdsDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// What the RdsDatabase controller uses: the managers and the RDS catalogue as singletons (they hold the
    /// steady-state snapshots and the catalogue cache), the steps per reconcile. Idempotent for the shared managers.
    /// <c>AddEbopsControllers</c> (Controllers.Registration, the room that may use the host) adds the controller itself
    /// and the BeanstalkApp cache it reads.
    /// </summary>
    public static IServiceCollection AddRdsDatabase(this IServiceCollection services)
    {
        services.AddManagerSettings();
        services.TryAddSingleton<SecurityGroupManager>();
        services.TryAddSingleton<SubnetGroupManager>();
        services.TryAddSingleton<SubnetGroupPreflight>();
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
