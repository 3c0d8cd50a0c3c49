using Ebops.Operator.Controllers.RdsDatabase;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.Registration;

public static class RdsDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The RdsDatabase controller, the BeanstalkApp cache it reads, the managers and the RDS catalogue as singletons
    /// (they hold the steady-state snapshots and the catalogue cache), the steps per reconcile. Idempotent for the
    /// shared managers. The AWS clients come from <c>AddEbopsAws</c>.
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
        services.AddResourceCache<Entities.BeanstalkApp>();
        services.AddController<Entities.RdsDatabase, RdsDatabaseController>();
        return services;
    }
}
