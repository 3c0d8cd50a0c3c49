using System.Net;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// How a caller reaches a simulated load balancer listener: real DNS names of simulated load balancers do not resolve,
/// so each listener is a loopback endpoint (stable for an NLB listener's lifetime).
/// </summary>
public sealed record LoadBalancerEndpoint(
    string LoadBalancerArn,
    string LoadBalancerName,
    string Type,
    string DnsName,
    string ListenerArn,
    string Protocol,
    int Port,
    IPEndPoint Loopback);
