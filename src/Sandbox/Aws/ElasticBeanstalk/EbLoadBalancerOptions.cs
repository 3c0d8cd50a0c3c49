using static Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Options of the environment's application load balancer ("General options for all environments": aws:elbv2:*).
/// Listener and listener-rule namespaces are named by the user (<c>aws:elbv2:listener:443</c>,
/// <c>aws:elbv2:listenerrule:api</c>); <see cref="Listener"/> and <see cref="ListenerRule"/> give one instance.
/// </summary>
internal static class EbLoadBalancerOptions
{
    private const string LoadBalancer = "aws:elbv2:loadbalancer";

    public static IEnumerable<EbOptionDefinition> All() =>
    [
        .. Listener(C.ListenerNamespace),
        Text(LoadBalancer, "AccessLogsS3Bucket"),
        Bool(LoadBalancer, "AccessLogsS3Enabled", false),
        Text(LoadBalancer, "AccessLogsS3Prefix"),
        Int(LoadBalancer, "IdleTimeout", 1, 3600, null),
        Text(LoadBalancer, "ManagedSecurityGroup"),
        Items(LoadBalancer, "SecurityGroups"),
    ];

    /// <summary>The options of one listener (<c>default</c> is port 80).</summary>
    public static IEnumerable<EbOptionDefinition> Listener(string ns) =>
    [
        Text(ns, "DefaultProcess", "default"),
        Bool(ns, "ListenerEnabled", true),
        OneOf(ns, "Protocol", "HTTP", NoInterruption, "HTTP", "HTTPS"),
        Items(ns, "Rules"),
        Text(ns, "SSLCertificateArns"),
        Text(ns, "SSLPolicy"),
    ];

    /// <summary>The options of one listener rule.</summary>
    public static IEnumerable<EbOptionDefinition> ListenerRule(string ns) =>
    [
        Items(ns, "HostHeaders"),
        Items(ns, "PathPatterns"),
        Int(ns, "Priority", 1, 1000, 1),
        Text(ns, "Process", "default"),
    ];
}
