namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// A listener default action as sent. A forward names its groups with <c>TargetGroupArn</c> (one group) and/or
/// <c>ForwardConfig.TargetGroups</c> (one or more, with weights 0-999 and optional target group stickiness); when both
/// are sent, ForwardConfig holds exactly that one group (API reference, Action.ForwardConfig).
/// </summary>
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
    /// <summary>The weight of a group sent without one (and of a <c>TargetGroupArn</c>-only forward), as AWS echoes it.</summary>
    public const int DefaultWeight = 1;

    /// <summary>The groups a forward sends traffic to with their weights (ForwardConfig's, else TargetGroupArn's).</summary>
    public IReadOnlyList<(string Arn, int Weight)> WeightedGroups()
        => ForwardGroups is { Count: > 0 } groups ? [.. groups.Select(g => (g.Arn, g.Weight ?? DefaultWeight))]
            : TargetGroupArn is null ? [] : [(TargetGroupArn, DefaultWeight)];

    /// <summary>Every target group the action can send traffic to.</summary>
    public IEnumerable<string> TargetGroupArns() => WeightedGroups().Select(g => g.Arn);

    /// <summary>True when target group stickiness is on.</summary>
    public bool Sticky => StickinessEnabled == true;

    /// <summary>True when both actions do the same (a TargetGroupArn and a one-group ForwardConfig naming it are the same forward).</summary>
    public bool SameAs(ListenerAction other) =>
        Type == other.Type && Order == other.Order && Sticky == other.Sticky && (!Sticky || StickinessSeconds == other.StickinessSeconds)
        && WeightedGroups().SequenceEqual(other.WeightedGroups())
        && (FixedStatusCode, FixedContentType, FixedMessageBody) == (other.FixedStatusCode, other.FixedContentType, other.FixedMessageBody);

    /// <summary>How logs show the forward: <c>arn=weight, ...</c>.</summary>
    public string Describe() => string.Join(", ", WeightedGroups().Select(g => $"{g.Arn}={g.Weight}"));
}
