using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>The AWS objects of an NlbFrontend after a reconcile acted on them (any may be missing while paused).</summary>
/// <param name="LoadBalancer">The NLB.</param>
/// <param name="Addresses">The Elastic IP of each subnet, by subnet id.</param>
/// <param name="TargetGroups">The target group of each colour.</param>
/// <param name="Listener">The listener.</param>
/// <param name="Health">Target health of the colours it was read for.</param>
internal sealed record NlbObservation(
    NetworkLoadBalancerObserved? LoadBalancer,
    IReadOnlyDictionary<string, ElasticIpObserved?> Addresses,
    IReadOnlyDictionary<DeploymentColor, TargetGroupObserved> TargetGroups,
    ListenerObserved? Listener,
    IReadOnlyDictionary<DeploymentColor, IReadOnlyList<TargetHealthObserved>> Health);
