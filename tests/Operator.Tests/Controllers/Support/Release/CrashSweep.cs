namespace Ebops.Operator.Tests.Controllers.Support.Release;

/// <summary>What <see cref="CrashPlan.SweepAsync"/> exercised: the points of the run without a crash and the ones crashed at.</summary>
internal sealed record CrashSweep(IReadOnlyList<string> Points, IReadOnlyList<int> Crashed)
{
    public override string ToString() =>
        $"crash points exercised: {Crashed.Count} of {Points.Count}: " + string.Join(", ", Crashed.Select(p => $"{p}:{Points[p - 1]}"));
}
