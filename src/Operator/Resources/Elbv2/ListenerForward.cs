using System.Globalization;

namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// Where a listener's default forward action sends new connections: one target group, or several with weights
/// (ForwardConfig.TargetGroups). Two forwards are <see cref="SameTrafficAs"/> each other when they send the same share
/// of connections to the same groups, however the weights are written.
/// </summary>
internal sealed record ListenerForward(IReadOnlyList<WeightedTargetGroup> TargetGroups)
{
    /// <summary>Everything to one target group.</summary>
    public static ListenerForward To(string targetGroupArn) => new([new WeightedTargetGroup(targetGroupArn, 1)]);

    /// <summary>The group receiving the largest share (the first listed on a tie), or null when none receives any.</summary>
    public string? Heaviest => TargetGroups.Where(g => g.Weight > 0).OrderByDescending(g => g.Weight).FirstOrDefault()?.TargetGroupArn;

    /// <summary>The share of new connections <paramref name="targetGroupArn"/> receives, in percent (0 when absent).</summary>
    public int PercentOf(string targetGroupArn)
    {
        var total = TargetGroups.Sum(g => g.Weight);
        var weight = TargetGroups.Where(g => g.TargetGroupArn == targetGroupArn).Sum(g => g.Weight);
        return total == 0 ? 0 : (int)Math.Round(100.0 * weight / total, MidpointRounding.AwayFromZero);
    }

    /// <summary>The value of the <see cref="Elbv2Tags.Forward"/> tag: <c>name=weight</c> pairs (target group names) separated by spaces.</summary>
    public string TagValue => string.Join(' ', TargetGroups.Select(g => $"{Elbv2Arns.TargetGroupName(g.TargetGroupArn)}={g.Weight.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>True when both send the same share of new connections to the same groups.</summary>
    public bool SameTrafficAs(ListenerForward other) =>
        Canonical(TargetGroups.Select(g => (Elbv2Arns.TargetGroupName(g.TargetGroupArn), g.Weight))) ==
        Canonical(other.TargetGroups.Select(g => (Elbv2Arns.TargetGroupName(g.TargetGroupArn), g.Weight)));

    /// <summary>True when this forward sends the same traffic as the <see cref="Elbv2Tags.Forward"/> tag value records.</summary>
    public bool Matches(string tagValue) =>
        Parse(tagValue) is { } recorded && Canonical(recorded) == Canonical(TargetGroups.Select(g => (Elbv2Arns.TargetGroupName(g.TargetGroupArn), g.Weight)));

    public override string ToString() => TargetGroups.Count == 1
        ? Elbv2Arns.TargetGroupName(TargetGroups[0].TargetGroupArn)
        : TagValue;

    /// <summary>The (name, weight) pairs of a tag value; null when it is not one.</summary>
    public static IReadOnlyList<(string Name, int Weight)>? Parse(string tagValue)
    {
        var pairs = new List<(string, int)>();
        foreach (var part in tagValue.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.LastIndexOf('=');
            if (at <= 0 || !int.TryParse(part.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                return null;
            }

            pairs.Add((part[..at], weight));
        }

        return pairs.Count > 0 ? pairs : null;
    }

    private static string Canonical(IEnumerable<(string Name, int Weight)> groups)
    {
        var receiving = groups.Where(g => g.Weight > 0)
            .GroupBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Weight: g.Sum(x => x.Weight)))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        if (receiving.Count <= 1)
        {
            return receiving.Count == 0 ? "" : receiving[0].Name;
        }

        var divisor = receiving.Aggregate(0, (d, g) => Gcd(d, g.Weight));
        return string.Join(' ', receiving.Select(g => $"{g.Name}={(g.Weight / divisor).ToString(CultureInfo.InvariantCulture)}"));
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
