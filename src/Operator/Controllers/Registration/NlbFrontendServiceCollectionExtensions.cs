using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ebops.Operator.Controllers.Registration;

public static class NlbFrontendServiceCollectionExtensions
{
    /// <summary>
    /// The NlbFrontend controller, the BeanstalkApp cache it reads its backend from, and the managers the release
    /// shares with it: <see cref="NetworkLoadBalancerManager"/>, <see cref="TargetGroupManager"/>,
    /// <see cref="ListenerManager"/>, <see cref="ElasticIpManager"/>, singletons holding their snapshots. The AWS
    /// clients come from <c>AddEbopsAws</c>.
    /// </summary>
    public static IServiceCollection AddNlbFrontend(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddManagerSettings();
        services.TryAddSingleton<NetworkLoadBalancerManager>();
        services.TryAddSingleton<TargetGroupManager>();
        services.TryAddSingleton<ListenerManager>();
        services.TryAddSingleton<ElasticIpManager>();
        services.TryAddSingleton<SubnetPlacementReader>();
        services.TryAddScoped<NlbFrontendSync>();
        services.TryAddScoped<NlbPreflightReader>();
        services.TryAddScoped<NlbFrontendDeletion>();
        services.AddResourceCache<Entities.BeanstalkApp>();
        services.AddController<Entities.NlbFrontend, NlbFrontendController>();
        return services;
    }
}
