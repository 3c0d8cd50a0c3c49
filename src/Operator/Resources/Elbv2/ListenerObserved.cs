namespace Ebops.Operator.Resources.Elbv2;

/// <summary>A listener as DescribeListeners and DescribeTags report it. <c>Forward</c>: Its default forward action; null when it has none.</summary>
internal sealed record ListenerObserved(
    string Arn,
    string LoadBalancerArn,
    int? Port,
    string? Protocol,
    ListenerForward? Forward,
    IReadOnlyDictionary<string, string> Tags)
{
    public bool IsAdopted => Tags.TryGetValue(OwnershipTags.Adopted, out var value) && value == "true";

    /// <summary>The forward ebops last set (the <see cref="Elbv2Tags.Forward"/> tag), or null when none is recorded.</summary>
    public string? RecordedForward => Tags.TryGetValue(Elbv2Tags.Forward, out var value) ? value : null;

    /// <summary>True when the listener forwards somewhere other than ebops last set it to: a hand edit.</summary>
    public bool ForwardEditedOutsideEbops => RecordedForward is { } recorded && (Forward is null || !Forward.Matches(recorded));
}
