using Ebops.Operator.Entities;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// One planning pass: the inputs, the status being changed, the events and the outcome. Rules read the inputs, change
/// <see cref="Status"/> through <see cref="Enter"/> and friends, and end with <see cref="Act"/>, <see cref="Wait"/> or
/// <see cref="StallOn"/>.
/// </summary>
internal sealed class ReleaseContext(
    BlueGreenReleaseSpec spec,
    BlueGreenReleaseStatus status,
    ReleaseObservation seen,
    DateTimeOffset now,
    ReleaseTimings timings)
{
    private readonly List<ReleaseEvent> events = [];

    public BlueGreenReleaseSpec Spec => spec;

    public BlueGreenReleaseStatus Status => status;

    public ReleaseObservation Seen => seen;

    public DateTimeOffset Now => now;

    public ReleaseTimings Timings => timings;

    /// <summary>A signal not handled before (consumed by the rule that accepts it).</summary>
    public SignalRequest? Signal { get; set; }

    public CutoverMethod Cutover => CutoverOf(spec);

    public bool UsesFrontend => UsesFrontendOf(spec);

    /// <summary>
    /// What the release needs and is not Ready yet: the app, else (NLB cut-over) the frontend, named as the message says
    /// it (e.g. <c>NlbFrontend myapp-frontend (spec.frontendRef)</c>), and whether it is missing altogether; null when
    /// both are Ready. Starting and provisioning both wait on it.
    /// </summary>
    public (string What, bool Missing)? UnreadyDependency => UnreadyDependencyOf(spec, seen.AppReady, seen.FrontendReady, seen.FrontendExists);

    /// <summary><see cref="UnreadyDependency"/> from the facts it depends on (the observer asks it before reading AWS).</summary>
    public static (string What, bool Missing)? UnreadyDependencyOf(BlueGreenReleaseSpec spec, bool appReady, bool? frontendReady, bool frontendExists) =>
        !appReady ? ($"BeanstalkApp {spec.AppRef.Name} (spec.appRef)", false)
        : UsesFrontendOf(spec) && frontendReady != true ? ($"NlbFrontend {spec.FrontendRef?.Name} (spec.frontendRef)", !frontendExists)
        : null;

    /// <summary>The cut-over method: the spec's, else NlbSwitch with a frontend and CnameSwap without.</summary>
    public static CutoverMethod CutoverOf(BlueGreenReleaseSpec spec) =>
        spec.Strategy.Cutover ?? (spec.FrontendRef is null ? CutoverMethod.CnameSwap : CutoverMethod.NlbSwitch);

    /// <summary>True when the cut-over goes through the NlbFrontend (which must then be Ready before green is provisioned).</summary>
    public static bool UsesFrontendOf(BlueGreenReleaseSpec spec) => CutoverOf(spec) is CutoverMethod.NlbSwitch or CutoverMethod.NlbWeighted;

    public DeploymentColor? Active => status.ActiveColor;

    /// <summary>The colour of the release in progress (blue on an app's first release).</summary>
    public DeploymentColor Candidate => status.CandidateColor ?? status.ActiveColor?.Other() ?? DeploymentColor.Blue;

    public EnvironmentView? ActiveEnvironment => seen.Environment(Active);

    public EnvironmentView? CandidateEnvironment => seen.Environment(Candidate);

    public string EnvironmentName(DeploymentColor color) => $"{seen.ApplicationName}-{color.Label()}";

    /// <summary>True (and the signal consumed) when the pending signal is <paramref name="signal"/>.</summary>
    public bool Take(ReleaseSignal signal)
    {
        if (Signal?.Signal != signal)
        {
            return false;
        }

        Signal = null;
        return true;
    }

    /// <summary>Who sent the pending signal (before it is taken).</summary>
    public string SignalSender => Signal?.By is { Length: > 0 } by ? by : "signal";

    public void Note(string type, string reason, string note) => events.Add(new ReleaseEvent(type, reason, note));

    /// <summary>Moves to <paramref name="phase"/>: phase, since, reason, message, the phase timeline and an event.</summary>
    public void Enter(ReleasePhase phase, string reason, string message)
    {
        status.Phase = phase;
        status.PhaseSince = now;
        status.Reason = reason;
        status.Message = message;
        status.Phases ??= [];
        status.Phases.Add(new PhaseTiming { Phase = phase, At = now, Message = message });
        var type = phase is ReleasePhase.Aborting or ReleasePhase.SwitchingBack or ReleasePhase.Failed ? "Warning" : "Normal";
        Note(type, reason, $"{phase}: {message}");
    }

    public ReleaseDecision Act(ReleaseAction action, string message)
    {
        status.Message = message;
        return new ReleaseDecision(action, timings.Busy, events, null);
    }

    public ReleaseDecision Wait(TimeSpan after, string message)
    {
        status.Message = message;
        return new ReleaseDecision(null, after <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : after, events, null);
    }

    /// <summary>Wait until <paramref name="at"/>, but look again at least every <paramref name="atMost"/>.</summary>
    public ReleaseDecision WaitUntil(DateTimeOffset at, TimeSpan atMost, string message) =>
        Wait(TimeSpan.FromTicks(Math.Min((at - now).Ticks, atMost.Ticks)), message);

    public ReleaseDecision StallOn(string field, string message, string reason)
    {
        status.Message = message;
        status.Reason = reason;
        return new ReleaseDecision(null, null, events, new ReleaseStall(field, message, reason));
    }

    public IReadOnlyList<ReleaseEvent> Events => events;

    /// <summary>Why the release entered its current phase (kept across passes, unlike <c>status.message</c>).</summary>
    public string PhaseMessage => status.Phases is { Count: > 0 } phases ? phases[^1].Message ?? "" : status.Message ?? "";
}
