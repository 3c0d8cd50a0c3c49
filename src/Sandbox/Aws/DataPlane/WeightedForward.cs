namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// Where a listener's forward action sends traffic: one or more target groups, each with a weight, and optionally
/// target group stickiness. A group receives weight / (sum of weights) of new connections (NLB) or requests (ALB); a
/// group with weight 0 receives none. Immutable: a listener switches by replacing the whole object with one reference
/// write, so every new connection sees either the old forward or the new one, never a mix.
/// </summary>
public sealed class WeightedForward
{
    /// <param name="groups">At least one group; weights 0 or more.</param>
    /// <param name="stickiness">Target group stickiness duration (null: off): later connections from the same source
    /// address prefer the group chosen for the first one, for this long.</param>
    public WeightedForward(IReadOnlyList<WeightedTargetGroup> groups, TimeSpan? stickiness = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0 || groups.Any(g => g.Weight < 0))
        {
            throw new ArgumentException("A forward needs at least one group and no negative weight.", nameof(groups));
        }

        Groups = [.. groups];
        TotalWeight = groups.Sum(g => g.Weight);
        Stickiness = stickiness;
    }

    public IReadOnlyList<WeightedTargetGroup> Groups { get; }

    public int TotalWeight { get; }

    public TimeSpan? Stickiness { get; }

    /// <summary>A forward to one group (the weight does not matter: it gets everything).</summary>
    public static WeightedForward Single(TargetGroupRuntime group) => new([new WeightedTargetGroup(group, 1)]);

    /// <summary>
    /// Picks a group with probability weight / total, drawing from <paramref name="random"/> only when there is a
    /// choice to make; null when every weight is 0.
    /// </summary>
    public TargetGroupRuntime? Choose(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Groups.Count == 1)
        {
            return Groups[0].Weight > 0 ? Groups[0].Group : null;
        }

        if (TotalWeight == 0)
        {
            return null;
        }

        var draw = random.Next(TotalWeight);
        foreach (var (group, weight) in Groups)
        {
            if (draw < weight)
            {
                return group;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("unreachable: the draw is below the total weight");
    }

    /// <summary>True when <paramref name="group"/> is in this forward with a weight above 0.</summary>
    public bool Receives(TargetGroupRuntime group) => Groups.Any(g => g.Group == group && g.Weight > 0);
}
