using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Aws.Elbv2;
using Ebops.Sandbox.Aws.Front;

namespace Ebops.Sandbox.Aws;

/// <summary>
/// The DNS names the simulator invents and the loopback listeners behind them, for the front end's probe proxy: an EB
/// CNAME (<c>*.elasticbeanstalk.com</c>) is its live environment's ALB (SwapEnvironmentCNAMEs moves it), a load balancer
/// DNS name (<c>*.elb.amazonaws.com</c> for ALBs, <c>*.elb.&lt;region&gt;.amazonaws.com</c> for NLBs) is that load
/// balancer; either way the listener on the requested port.
/// </summary>
internal static class SimulatedNames
{
    public static ProbeRoute Resolve(SimWorld world, string host, int port)
    {
        var elb = world.Service<Elbv2Handler>()?.State;
        if (host.EndsWith(".elasticbeanstalk.com", StringComparison.OrdinalIgnoreCase))
        {
            var alb = world.Service<ElasticBeanstalkHandler>()?.State.Stores.Environments.LoadBalancerOfCname(host);
            return new ProbeRoute(true, alb is null ? null : elb?.FindEndpoint(alb, port));
        }

        var loadBalancer = host.EndsWith(".elb.amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || (host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && host.Contains(".elb.", StringComparison.OrdinalIgnoreCase));
        return loadBalancer ? new ProbeRoute(true, elb?.FindEndpoint(host, port)) : ProbeRoute.Foreign;
    }
}
