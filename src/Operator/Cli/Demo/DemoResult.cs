using System.Net;
using Ebops.Operator.Entities;
using Ebops.Sandbox.Load;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// What a demo run produced, for the report and the verdict: the steps, the last state of the four objects, the load
/// (every request, on a timeline whose zero is <see cref="LoadOrigin"/>), how the release under load ended, and when the
/// scenario broke the candidate and until when clients could reach it broken: the end of that release, or in bake-failure
/// the retirement of the rolled-back candidate's environment (timeline times; null when they did not happen).
/// </summary>
internal sealed record DemoResult(
    DemoScenario Scenario,
    IReadOnlyList<DemoStepResult> Steps,
    DemoSnapshot Final,
    LoadTimeline? Load,
    DateTimeOffset LoadOrigin,
    string StableLabel,
    string CandidateLabel,
    ReleaseOutcome? Outcome,
    TimeSpan? FaultAt,
    TimeSpan? BrokenUntil,
    IPEndPoint? FrontendEndpoint)
{
    public bool StepsSucceeded => Steps.Count > 0 && Steps.All(s => s.Succeeded);

    /// <summary>Every request of the load (zero requests when it never started).</summary>
    public LoadSummary Summary => Load?.Summarize() ?? LoadTimeline.Summarize([]);
}
