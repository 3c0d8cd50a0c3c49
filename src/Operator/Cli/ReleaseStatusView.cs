using System.Globalization;
using System.Text;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;

namespace Ebops.Operator.Cli;

/// <summary>
/// What <c>kubectl ebops status</c> prints: the phase and why, versions and colours, conditions, the signals the
/// phase takes, each gate check (phase, streak, last evidence), traffic (colour or weights, since when, the weighted
/// steps with their comparisons), a pending termination, extra capacity, the plan with states and the history.
/// A pure function of the object and the time.
/// </summary>
internal static class ReleaseStatusView
{
    public static string Render(BlueGreenRelease release, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        var status = release.Status;
        Field(sb, "Name", $"{release.Metadata.NamespaceProperty}/{release.Metadata.Name}");
        if (status?.Phase is null)
        {
            Field(sb, "Phase", "none: ebops has not reconciled this release yet");
            Field(sb, "Version", release.Spec.Version.Label);
            return sb.ToString();
        }

        Summary(sb, release, status, now);
        Gate(sb, status, now);
        Traffic(sb, status, now);
        Plan(sb, status);
        History(sb, status);
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, BlueGreenRelease release, BlueGreenReleaseStatus status, DateTimeOffset now)
    {
        var since = status.PhaseSince is { } at ? $" since {HumanTime.StampAndAge(at, now)}" : "";
        var paused = status.PauseReason is { Length: > 0 } pause ? $", paused: {pause}" : "";
        Field(sb, "Phase", $"{status.Phase}{since}{paused}");
        Field(sb, "Message", status.Message ?? "-");
        Field(sb, "Reason", status.Reason ?? "-");
        if (status.ReleaseNumber is { } number)
        {
            var started = status.StartedAt is { } start ? $" started {HumanTime.StampAndAge(start, now)}" : "";
            Field(sb, "Release", $"#{number}{started}, promoted by {status.PromotedBy ?? "-"}");
        }

        Field(sb, "Stable", status.StableVersion ?? "-");
        Field(sb, "Candidate", status.CandidateVersion is { } candidate
            ? $"{candidate}{(status.CandidateColor is { } color ? $" ({color.Label()})" : "")}"
            : "-");
        Field(sb, "Active", status.ActiveColor?.Label() ?? "-");
        Field(sb, "Spec version", release.Spec.Version.Label);
        var conditions = string.Join(" ", (status.Conditions ?? []).Select(c => $"{c.Type}={c.Status}"));
        Field(sb, "Conditions", $"{(conditions.Length > 0 ? conditions : "-")} (generation {release.Metadata.Generation}, observed {status.ObservedGeneration?.ToString(CultureInfo.InvariantCulture) ?? "-"})");
        if (status.Conditions?.FirstOrDefault(c => c is { Type: ConditionTypes.Stalled, Status: ConditionStatus.True }) is { } stalled)
        {
            Field(sb, "Stalled", $"{stalled.Reason}: {stalled.Message}");
        }

        var signals = ReleaseSignals.All.Where(s => ReleaseSignals.Accepts(s, release.Spec, status)).Select(ReleaseSignals.Name).ToList();
        Field(sb, "Signals", signals.Count == 0 ? "none in this phase" : string.Join(", ", signals) + $" (kubectl ebops <signal> {release.Metadata.Name})");
        if (release.Metadata.Annotations?.TryGetValue(EbopsAnnotations.Signal, out var pending) == true)
        {
            release.Metadata.Annotations.TryGetValue(EbopsAnnotations.SignalBy, out var by);
            Field(sb, "Pending signal", $"{pending} by {by ?? "-"} (not yet applied)");
        }

        if (status.PendingTermination is { } termination)
        {
            Field(sb, "Termination", $"{termination.EnvironmentName} ({termination.Color.Label()}) is terminated after {HumanTime.StampAndAge(termination.NotBefore, now)}");
        }

        if (status.ExtraCapacity is { } extra)
        {
            var cost = extra.HourlyCost is { } hourly ? $", {hourly} USD/h" : "";
            var running = extra.Since is { } from ? $" since {HumanTime.StampAndAge(from, now)}" : "";
            Field(sb, "Extra capacity", $"{extra.Instances} instance(s){cost}{running}");
        }
    }

    private static void Gate(StringBuilder sb, BlueGreenReleaseStatus status, DateTimeOffset now)
    {
        if (status.Gate is not { } gate)
        {
            return;
        }

        var last = gate.LastRoundAt is { } round ? $", last round {HumanTime.StampAndAge(round, now)}" : ", no round yet";
        sb.Append('\n');
        Field(sb, "Gate", $"{gate.Summary ?? "-"} ({(gate.Passed ? "passed" : "not passed")}; streak {gate.ConsecutiveSuccesses} passing round(s) in a row, {gate.Failures} failed round(s){last})");
        if (gate.Checks is { Count: > 0 } checks)
        {
            TextTable.Write(sb, "  ", ["CHECK", "PHASE", "MEASURED", "EVIDENCE"],
                checks.Select(c => (IReadOnlyList<string>)[c.Name, c.Phase.ToString(), HumanTime.Ago(c.LastMeasuredAt, now), c.Message ?? "-"]));
        }
    }

    private static void Traffic(StringBuilder sb, BlueGreenReleaseStatus status, DateTimeOffset now)
    {
        var traffic = status.Traffic;
        var where = traffic?.GreenWeight is { } weight && weight is > 0 and < 100 && status.CandidateColor is { } candidate
            ? $"{candidate.Label()} {weight}%, {candidate.Other().Label()} {100 - weight}% of new connections"
                + (traffic.Step is { } step ? $" (step {step} of {traffic.Steps?.Count.ToString(CultureInfo.InvariantCulture) ?? "?"} reached)" : "")
            : status.ActiveColor?.Label() ?? "-";
        var since = traffic?.SwitchedAt is { } switched ? $", switched {HumanTime.StampAndAge(switched, now)}" : "";
        var draining = traffic?.DrainingUntil is { } until ? $", draining until {HumanTime.Stamp(until)}" : "";
        sb.Append('\n');
        Field(sb, "Traffic", where + since + draining);
        if (traffic?.ProductionCname is { } cname)
        {
            Field(sb, "Production CNAME", cname);
        }

        if (traffic?.Steps is { Count: > 0 } steps)
        {
            TextTable.Write(sb, "  ", ["STEP", "WEIGHT", "STARTED", "ENDED", "PASSED", "COMPARISON"],
                steps.Select((s, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), $"{s.Weight}%", HumanTime.Ago(s.StartedAt, now), HumanTime.Ago(s.EndedAt, now),
                    s.Passed switch { true => "yes", false => "no", null => "-" }, s.Analysis ?? "-",
                ]));
        }
    }

    private static void Plan(StringBuilder sb, BlueGreenReleaseStatus status)
    {
        if (status.Plan is not { Count: > 0 } plan)
        {
            return;
        }

        sb.Append("\nPlan:\n");
        TextTable.Write(sb, "  ", ["STATE", "PHASE", "STEP"], plan.Select(p => (IReadOnlyList<string>)[p.State.ToString(), p.Phase?.ToString() ?? "-", p.Step]));
    }

    private static void History(StringBuilder sb, BlueGreenReleaseStatus status)
    {
        if (status.History is not { Count: > 0 } history)
        {
            return;
        }

        sb.Append("\nHistory (newest first):\n");
        TextTable.Write(sb, "  ", ["#", "VERSION", "OUTCOME", "REASON", "STARTED", "DURATION", "PROMOTED BY", "PHASES"],
            history.Take(10).Select(r => (IReadOnlyList<string>)
            [
                r.ReleaseNumber?.ToString(CultureInfo.InvariantCulture) ?? "-", r.Version, r.Outcome.ToString(), r.Reason ?? "-",
                r.StartedAt is { } start ? HumanTime.Stamp(start) : "-",
                r.StartedAt is { } from && r.FinishedAt is { } to ? HumanTime.Span(to - from) : "-",
                r.PromotedBy ?? "-",
                r.PhaseSeconds is { Count: > 0 } phases ? string.Join(", ", phases.Select(p => $"{p.Key} {HumanTime.Span(TimeSpan.FromSeconds(p.Value))}")) : "-",
            ]));
    }

    private static void Field(StringBuilder sb, string label, string value) => sb.Append((label + ":").PadRight(18)).Append(value).Append('\n');
}
