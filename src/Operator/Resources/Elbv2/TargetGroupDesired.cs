using Ebops.Operator.Aws.Elbv2;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// An <c>alb</c>-type TCP target group named <paramref name="Name"/> in <paramref name="VpcId"/>, whose single target is
/// an Application Load Balancer listening on <paramref name="Port"/> (AWS requires the group's port to be the ALB
/// listener's). Port, VPC, protocol and target type are fixed at creation; the health check, the attributes and tags
/// are not. <c>Component</c>: The ownership-tag component, e.g. <c>target-group-blue</c>.
/// <c>DeregistrationDelaySeconds</c>: how long a deregistered ALB drains. Connection termination is not part of it: the
/// release sets it for each deregistration (on for a switched-back green, off for a retired blue).
/// </summary>
internal sealed record TargetGroupDesired(
    ResourceOwner Owner,
    string Component,
    string Name,
    string VpcId,
    int Port,
    TargetGroupHealthCheck HealthCheck,
    int DeregistrationDelaySeconds,
    bool Adopted = false)
{
    /// <summary>The target group attributes the group must have (ModifyTargetGroupAttributes keys and values).</summary>
    public IReadOnlyDictionary<string, string> Attributes => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Elbv2Statuses.AttributeDeregistrationDelay] = DeregistrationDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IReadOnlyDictionary<string, string> Tags => Adopted
        ? new Dictionary<string, string>(Owner.Tags(Component), StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" }
        : Owner.Tags(Component);
}
