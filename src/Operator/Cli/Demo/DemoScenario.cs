using Ebops.Operator.Entities;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// What the demo's second release (1.0.2 under load) shows, and how it must end for the demo to pass: the release's
/// outcome, and whether clients may see failures (only bake-failure, while the bad version serves before the switch-back).
/// </summary>
/// <param name="Name">The <c>--scenario</c> value.</param>
/// <param name="Summary">One line for the progress and the README.</param>
/// <param name="Expected">How the release of 1.0.2 must end.</param>
/// <param name="Fault">How the simulator breaks 1.0.2, and when.</param>
/// <param name="Cutover">The release strategy's cut-over method.</param>
internal sealed record DemoScenario(string Name, string Summary, ReleaseOutcome Expected, DemoFault Fault, CutoverMethod Cutover)
{
    public static DemoScenario Default { get; } = new(
        "default", "release 1.0.2 blue/green behind the NLB's static IPs while clients keep calling", ReleaseOutcome.Succeeded, DemoFault.None,
        CutoverMethod.NlbSwitch);

    public static DemoScenario BrokenVersion { get; } = new(
        "broken-version", "1.0.2 answers 500: the health gate catches it, the release aborts and 1.0.1 keeps serving", ReleaseOutcome.Aborted,
        DemoFault.BeforeRelease, CutoverMethod.NlbSwitch);

    public static DemoScenario BakeFailure { get; } = new(
        "bake-failure", "1.0.2 turns bad after the cut-over: the bake fails and traffic switches back to 1.0.1 automatically",
        ReleaseOutcome.RolledBack, DemoFault.WhenBaking, CutoverMethod.NlbSwitch);

    public static DemoScenario Canary { get; } = new(
        "canary", "1.0.2 gets a growing share of new connections in weighted steps (NlbWeighted), checked against 1.0.1 at each step",
        ReleaseOutcome.Succeeded, DemoFault.None, CutoverMethod.NlbWeighted);

    public static IReadOnlyList<DemoScenario> All { get; } = [Default, BrokenVersion, BakeFailure, Canary];

    /// <summary>The scenario named <paramref name="name"/>, or null.</summary>
    public static DemoScenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
