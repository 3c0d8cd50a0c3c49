using System.Globalization;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// The exit code rule: 0 only when every step succeeded, the release under load ended as the scenario expects, and no
/// client saw a failure, except in bake-failure, where the failures between the moment the demo broke the candidate
/// and the retirement of its environment after the automatic switch-back are what the scenario shows (clients that
/// connected to it during the bake stay on it until then; none may fall outside that window). The
/// candidate must have served traffic when the release succeeded, and never when the gate caught it.
/// </summary>
internal static class DemoVerdict
{
    /// <summary>The exit code and the reason for it.</summary>
    public static (int ExitCode, string Reason) Decide(DemoResult result)
    {
        var failedStep = result.Steps.FirstOrDefault(s => !s.Succeeded);
        if (failedStep is not null || result.Steps.Count == 0)
        {
            return (1, $"step failed: {failedStep?.Title ?? "none ran"}: {failedStep?.Error}");
        }

        var expected = result.Scenario.Expected;
        if (result.Outcome != expected)
        {
            return (1, $"release of {result.CandidateLabel} ended {result.Outcome?.ToString() ?? "never"}, expected {expected}");
        }

        var summary = result.Summary;
        var candidateServed = summary.CountOf(result.CandidateLabel);
        if (expected == ReleaseOutcome.Succeeded && candidateServed == 0)
        {
            return (1, $"{result.CandidateLabel} succeeded but never answered a request through the frontend");
        }

        if (expected == ReleaseOutcome.Aborted && candidateServed > 0)
        {
            return (1, $"{result.CandidateLabel} was aborted but answered {candidateServed} requests through the frontend");
        }

        var outside = result.Scenario.Fault == DemoFault.WhenBaking ? FailuresOutsideFault(result) : summary.Failed;
        if (outside > 0)
        {
            var where = summary.Failed != outside ? " outside the window in which the candidate was broken" : "";
            return (1, string.Create(CultureInfo.InvariantCulture, $"{outside} failed requests{where}"));
        }

        var note = summary.Failed > 0 ? $", failures only while {result.CandidateLabel} was broken" : "";
        return (0, $"{result.Scenario.Name}: the release of {result.CandidateLabel} ended {expected}{note}");
    }

    /// <summary>Failures before the fault was injected or after the broken candidate was out of reach.</summary>
    internal static long FailuresOutsideFault(DemoResult result)
    {
        if (result.Load is null)
        {
            return 0;
        }

        var from = result.FaultAt ?? TimeSpan.MaxValue;
        var to = result.BrokenUntil ?? TimeSpan.MaxValue;
        return result.Load.Samples().LongCount(s => s.Failed && (s.At < from || s.At >= to));
    }
}
