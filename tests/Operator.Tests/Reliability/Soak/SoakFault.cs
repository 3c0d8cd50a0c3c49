namespace Ebops.Operator.Tests.Reliability.Soak;

/// <summary>One fault the plan injected: its kind, the service it hits (null: every service) and its window in
/// simulated time from the start of its wave.</summary>
internal sealed record SoakFault(string Kind, string? Service, TimeSpan From, TimeSpan Length)
{
    public override string ToString() =>
        $"{Kind} on {Service ?? "all services"} at +{From.TotalSeconds:F0} s for {Length.TotalSeconds:F0} s";
}
