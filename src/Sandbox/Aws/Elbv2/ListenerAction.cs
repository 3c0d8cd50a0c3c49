namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>A listener default action. Forward actions name their groups (with weights when sent as ForwardConfig).</summary>
internal sealed record ListenerAction(
    string Type,
    int? Order,
    string? TargetGroupArn,
    IReadOnlyList<(string Arn, int? Weight)>? ForwardGroups,
    bool? StickinessEnabled,
    int? StickinessSeconds,
    string? FixedStatusCode,
    string? FixedContentType,
    string? FixedMessageBody)
{
    /// <summary>Every target group the action can send traffic to.</summary>
    public IEnumerable<string> TargetGroupArns()
        => ForwardGroups is { Count: > 0 } groups ? groups.Select(g => g.Arn) : TargetGroupArn is null ? [] : [TargetGroupArn];

    /// <summary>
    /// The group the data plane forwards to: the only one, or the heaviest of a weighted set (the simulation does not
    /// split traffic by weight).
    /// </summary>
    public string? PrimaryTargetGroupArn()
        => ForwardGroups is { Count: > 0 } groups ? groups.OrderByDescending(g => g.Weight ?? 1).First().Arn : TargetGroupArn;

    /// <summary>True when both actions do the same (record equality would compare the group lists by reference).</summary>
    public bool SameAs(ListenerAction other) =>
        this with { ForwardGroups = null } == other with { ForwardGroups = null }
        && (ForwardGroups ?? []).SequenceEqual(other.ForwardGroups ?? []);
}
