namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// The TCP listener of <paramref name="LoadBalancerArn"/> on <paramref name="Port"/>. It is created forwarding to
/// <paramref name="InitialTargetGroupArn"/>; after that only <see cref="ListenerManager"/>'s Forward changes where it
/// points (a difference there is reported, never part of <see cref="ListenerManager.Diff"/>).
///  <c>ListenerArn</c>: The ARN recorded from an earlier reconcile, if any (a read by ARN is batched).
/// </summary>
internal sealed record ListenerDesired(
    ResourceOwner Owner,
    string LoadBalancerArn,
    int Port,
    string InitialTargetGroupArn,
    string? ListenerArn = null,
    bool Adopted = false)
{
    public const string Component = "listener";

    public IReadOnlyDictionary<string, string> Tags => Adopted
        ? new Dictionary<string, string>(Owner.Tags(Component), StringComparer.Ordinal) { [OwnershipTags.Adopted] = "true" }
        : Owner.Tags(Component);
}
