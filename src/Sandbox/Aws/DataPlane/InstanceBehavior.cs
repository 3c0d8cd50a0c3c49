namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>A simulated instance's behaviour: healthy, HTTP 500, slow by <see cref="Delay"/>, or refusing connections.</summary>
public sealed record InstanceBehavior(InstanceBehaviorKind Kind, TimeSpan Delay = default)
{
    public static InstanceBehavior Healthy { get; } = new(InstanceBehaviorKind.Healthy);

    public static InstanceBehavior Http500 { get; } = new(InstanceBehaviorKind.Http500);

    public static InstanceBehavior Refuse { get; } = new(InstanceBehaviorKind.Refuse);

    public static InstanceBehavior Slow(TimeSpan delay) => new(InstanceBehaviorKind.Slow, delay);
}
