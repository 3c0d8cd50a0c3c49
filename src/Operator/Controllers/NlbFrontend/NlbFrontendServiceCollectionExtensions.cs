using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.NlbFrontend;

public static class NlbFrontendServiceCollectionExtensions
{
    /// <summary>
    /// What the NlbFrontend controller needs, and the managers the release shares with it: <see cref="NetworkLoadBalancerManager"/>,
    /// <see cref="TargetGroupManager"/>, <see cref="ListenerManager"/>, <see cref="ElasticIpManager"/>, singletons
    /// holding their snapshots. The AWS clients come from <c>AddEbopsAws</c>; the composition root adds
    /// <c>AddController&lt;NlbFrontend, NlbFrontendController&gt;()</c> and <c>AddResourceCache&lt;BeanstalkApp&gt;()</c>
    /// (the backend is read from that cache).
    /// </summary>
    public static IServiceCollection AddNlbFrontend(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<ControllerSettings>>().Value;
            return new ManagerSettings(settings.ClusterName, settings.PollInterval);
        });
        services.TryAddSingleton<NetworkLoadBalancerManager>();
        services.TryAddSingleton<TargetGroupManager>();
        services.TryAddSingleton<ListenerManager>();
        services.TryAddSingleton<ElasticIpManager>();
        services.TryAddSingleton<SubnetPlacementReader>();
        services.TryAddScoped<NlbFrontendSync>();
        services.TryAddScoped<NlbPreflightReader>();
        services.TryAddScoped<NlbFrontendDeletion>();
        services.TryAddScoped<NlbFrontendController>();
        return services;
    }
}
