using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// What ELBv2 checks in a forward action (API reference: Action, ForwardActionConfig, TargetGroupTuple,
/// TargetGroupStickinessConfig; NLB user guide, "Listeners for your Network Load Balancers", Default actions: weights
/// 0-999, a weight per group when there are several, and the considerations for TLS listeners, dualstack load balancers
/// and stickiness), and which target groups a listener may forward to.
/// </summary>
internal static class ForwardActionRules
{
    public const int MaxTargetGroups = 5;
    public const int MaxWeight = 999;
    public const int MaxStickinessSeconds = 604800;

    /// <summary>Listener protocol → the target group protocols it forwards to (NLB user guide, target groups).</summary>
    private static readonly Dictionary<string, string[]> GroupProtocols = new(StringComparer.Ordinal)
    {
        ["HTTP"] = ["HTTP", "HTTPS"],
        ["HTTPS"] = ["HTTP", "HTTPS"],
        ["TCP"] = ["TCP", "TCP_UDP"],
        ["TLS"] = ["TCP", "TLS"],
        ["UDP"] = ["UDP", "TCP_UDP"],
        ["TCP_UDP"] = ["TCP_UDP"],
    };

    /// <summary>The form of a forward (action number <paramref name="n"/>, 1-based): its groups, weights and stickiness.</summary>
    public static void CheckShape(ListenerAction action, int n)
    {
        var groups = action.ForwardGroups ?? [];
        if (action.TargetGroupArn is null && groups.Count == 0)
        {
            throw Elbv2Errors.Validation("A target group ARN must be specified for forward actions");
        }

        if (action.TargetGroupArn is { } arn && groups.Count > 0 && (groups.Count > 1 || groups[0].Arn != arn))
        {
            throw Elbv2Errors.Validation(
                "You cannot specify multiple target groups in ForwardConfig or a target group different from TargetGroupArn when TargetGroupArn is also specified");
        }

        if (groups.Count > MaxTargetGroups)
        {
            throw Elbv2Errors.Validation($"You cannot specify more than {MaxTargetGroups} target groups in a forward action");
        }

        for (var m = 1; m <= groups.Count; m++)
        {
            var (groupArn, weight) = groups[m - 1];
            if (groups.Take(m - 1).Any(g => g.Arn == groupArn))
            {
                throw Elbv2Errors.Validation($"Target group '{groupArn}' is specified more than once in the forward action");
            }

            if (weight is < 0 or > MaxWeight)
            {
                throw Elbv2Errors.Validation(
                    $"1 validation error detected: Value '{weight}' at 'defaultActions.{n}.member.forwardConfig.targetGroups.{m}.member.weight' failed to satisfy constraint: Member must have value {(weight < 0 ? "greater than or equal to 0" : $"less than or equal to {MaxWeight}")}");
            }

            if (weight is null && groups.Count > 1)
            {
                throw Elbv2Errors.Validation($"A weight must be specified for target group '{groupArn}': every target group of a forward action with several target groups needs a weight");
            }
        }

        if (action.StickinessEnabled == true && action.StickinessSeconds is not (>= 1 and <= MaxStickinessSeconds))
        {
            throw Elbv2Errors.Validation($"Target group stickiness duration must be between 1 and {MaxStickinessSeconds} seconds when target group stickiness is enabled");
        }
    }

    /// <summary>
    /// The groups a forward of <paramref name="lb"/>'s <paramref name="protocol"/> listener names: same VPC, a protocol
    /// the listener forwards to, used by no other load balancer, and the rules a forward to several groups adds.
    /// </summary>
    public static void CheckGroups(LoadBalancer lb, string protocol, ListenerAction action, IReadOnlyList<TargetGroup> groups, Func<TargetGroup, IEnumerable<string>> loadBalancersOf)
    {
        foreach (var group in groups)
        {
            var compatible = GroupProtocols.GetValueOrDefault(protocol, []).Contains(group.Protocol)
                && (group.TargetType != C.TargetTypeAlb || protocol == "TCP");
            if (!compatible)
            {
                throw new AwsSimException(E.IncompatibleProtocols, $"Listener protocol '{protocol}' is not supported with a target group with the target-type '{group.TargetType}' and protocol '{group.Protocol}'");
            }

            if (group.VpcId != lb.VpcId)
            {
                throw Elbv2Errors.Validation($"Target group '{group.Arn}' is not in the same VPC as the load balancer");
            }

            if (loadBalancersOf(group).Any(a => a != lb.Arn))
            {
                throw new AwsSimException(E.TargetGroupAssociationLimit, $"The following target groups cannot be associated with more than one load balancer: {group.Arn}");
            }
        }

        if (groups.Count > 1)
        {
            CheckSeveral(lb, protocol, action, groups);
        }
    }

    // NLB user guide, Default actions, Considerations (the same rules hold for an ALB's forward).
    private static void CheckSeveral(LoadBalancer lb, string protocol, ListenerAction action, IReadOnlyList<TargetGroup> groups)
    {
        if (protocol == "TLS" && groups.Select(g => g.Protocol).Distinct().Count() > 1)
        {
            throw Elbv2Errors.Validation("For TLS listeners, all target groups of a forward action must use the same protocol");
        }

        if (protocol == "TLS" && action.Sticky)
        {
            throw Elbv2Errors.Validation("Target group stickiness is not supported for TLS listeners");
        }

        if (lb.IpAddressType != "ipv4" && groups.Select(g => g.IpAddressType).Distinct().Count() > 1)
        {
            throw Elbv2Errors.Validation("All target groups of a forward action of a dualstack load balancer must use the same IP address type");
        }

        if (!action.Sticky && groups.FirstOrDefault(g => g.Attributes.GetValueOrDefault("stickiness.enabled") == "true") is { } sticky)
        {
            throw Elbv2Errors.Validation($"Target group '{sticky.Arn}' has stickiness enabled, so the forward action must enable target group stickiness");
        }
    }
}
