namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// An <c>alb</c>-type TCP target group named <paramref name="Name"/> in <paramref name="VpcId"/>, whose single target is
/// an Application Load Balancer listening on <paramref name="Port"/> (AWS requires the group's port to be the ALB
/// listener's). Port, VPC, protocol and target type are fixed at creation; the health check and tags are not.
///  <c>Component</c>: The ownership-tag component, e.g. <c>target-group-blue</c>.
/// </summary>
internal sealed record TargetGroupDesired(
    ResourceOwner Owner,
    string Component,
    string Name,
    string VpcId,
    int Port,
    TargetGroupHealthCheck HealthCheck,
    bool Adopted = false)
{
    public IReadOnlyDictionary<string, string> Tags => Adopted
        ? new Dictionary<string, string>(Owner.Tags(Component), StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" }
        : Owner.Tags(Component);
}
