using Ebops.Operator.Aws.S3;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// Reads everything the planner decides from (no writes): the app, frontend and database from the caches; the
/// environments, the listener and the target groups from AWS (live while a release runs, from snapshots and the other
/// kinds' status between releases); the version and its bundle only while provisioning or about to; a gate round only
/// when one is due; the comparison of green with blue during weighted steps; blue's traffic while it is retired.
/// </summary>
internal sealed class ReleaseObserver(
    EnvironmentReader environments,
    TrafficReader traffic,
    GateMeasurer gate,
    ApplicationVersionManager versions,
    IS3Api s3,
    TimeProvider time)
{
    public async Task<ReleaseObservation> ObserveAsync(ReleaseInputs inputs, SignalRequest? signal, bool finalizing, CancellationToken cancellationToken)
    {
        var (spec, status) = (inputs.Release.Spec, inputs.Release.Status ?? new BlueGreenReleaseStatus());
        var rest = StartRules.IsRest(status.Phase);
        // Nothing starts while the app or the frontend is not Ready (StartRules): such a release reads no AWS live.
        var waiting = WaitsForDependencies(inputs);
        var mightStart = !finalizing && rest && !waiting && (signal is not null || (!StartRules.WaitsAfterFailure(spec, status)
            && (spec.Version.Label != status.StableVersion || status.ActiveColor is null)));
        var live = finalizing || inputs.NeedsLiveReads(mightStart);
        var candidate = rest ? status.ActiveColor?.Other() ?? DeploymentColor.Blue : status.CandidateColor ?? status.ActiveColor?.Other() ?? DeploymentColor.Blue;
        var now = time.GetUtcNow();
        bool NeedsHealth(DeploymentColor color, IReadOnlyCollection<DeploymentColor> present) =>
            !finalizing && HealthNeeded(spec, status, candidate, color, present, rest, now);
        var found = await environments.ReadAsync(inputs, live, NeedsHealth, cancellationToken).ConfigureAwait(false);
        if (!live && rest && !waiting && ActiveNeedsRelease(inputs, status, found))
        {
            // A configuration release (or a vanished environment) is about to start: look again, live.
            (mightStart, live) = (true, true);
            found = await environments.ReadAsync(inputs, live, NeedsHealth, cancellationToken).ConfigureAwait(false);
        }

        var greenReady = found.TryGetValue(candidate, out var green) && green.View.IsReady;
        var view = await traffic.ReadAsync(inputs, candidate, live, TrafficReads.For(status.Phase, candidate, greenReady), cancellationToken).ConfigureAwait(false);
        var (versionExists, bundleExists) = finalizing || (status.Phase != ReleasePhase.ProvisioningGreen && !mightStart) || waiting ? (null, null)
            : GreenRunsCandidate(status, candidate, found) ? (true, null)
            : await VersionAsync(inputs, cancellationToken).ConfigureAwait(false);
        return new ReleaseObservation
        {
            ApplicationName = inputs.ApplicationName,
            AppReady = inputs.AppReady,
            FrontendExists = FrontendExists(inputs),
            AppConfigurationHash = inputs.App?.Status?.ConfigurationHash,
            AppMinInstances = inputs.App?.Spec.Capacity.Min ?? 1,
            FrontendReady = inputs.FrontendReady,
            DatabaseBusy = inputs.DatabaseBusy,
            Environments = found.ToDictionary(e => e.Key, e => e.Value.View),
            VersionExists = versionExists,
            BundleExists = bundleExists,
            ListenerColor = view.ListenerColor,
            CandidateWeight = view.CandidateWeight,
            RegisteredAlbs = view.RegisteredAlbs,
            DrainingAlbs = view.DrainingAlbs,
            TargetHealth = view.TargetHealth,
            GateRound = finalizing ? null : await RoundAsync(inputs, status, candidate, found, view, now, cancellationToken).ConfigureAwait(false),
            Comparison = !finalizing && ReleasePlanner.ComparisonDue(spec, status, now) ? Compare(found, candidate) : null,
            BlueDrained = status.Phase == ReleasePhase.RetiringBlue ? Drained(found, candidate.Other()) : null,
            Signal = signal,
        };
    }

    /// <summary>
    /// Whether this pass reads a colour's enhanced health (one DescribeEnvironmentHealth): the active colour while green's
    /// capacity is still to be decided (green has no environment yet), the retiring colour while it drains, both while
    /// green is compared with blue. A gate round reads green's itself when one of its checks needs it.
    /// </summary>
    private static bool HealthNeeded(BlueGreenReleaseSpec spec, BlueGreenReleaseStatus status, DeploymentColor candidate, DeploymentColor color,
        IReadOnlyCollection<DeploymentColor> present, bool starting, DateTimeOffset now) =>
        ((starting || status.Phase == ReleasePhase.ProvisioningGreen) && color != candidate && !present.Contains(candidate))
        || (status.Phase == ReleasePhase.RetiringBlue && color != candidate)
        || ReleasePlanner.ComparisonDue(spec, status, now);

    /// <summary>Between releases: the active environment vanished, or runs an older configuration of the app.</summary>
    private static bool ActiveNeedsRelease(ReleaseInputs inputs, BlueGreenReleaseStatus status, IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot> found)
    {
        if (status.ActiveColor is not { } active)
        {
            return false;
        }

        if (!found.TryGetValue(active, out var environment) || environment.View.IsGone)
        {
            return true;
        }

        return inputs.App?.Status?.ConfigurationHash is { } wanted && environment.View.ConfigurationHash is { } running && wanted != running;
    }

    /// <summary>
    /// Starting and provisioning wait for the app and then for the frontend (StartRules, ProvisionRules): a release
    /// that waits reads no AWS live and neither its version nor its bundle (a fleet created at once would spend the
    /// account's Describe budgets on them).
    /// </summary>
    private static bool WaitsForDependencies(ReleaseInputs inputs) =>
        ReleaseContext.UnreadyDependencyOf(inputs.Release.Spec, inputs.AppReady, inputs.FrontendReady, FrontendExists(inputs)) is not null;

    private static bool FrontendExists(ReleaseInputs inputs) => inputs.Release.Spec.FrontendRef is null || inputs.Frontend is not null;

    /// <summary>Green exists with the candidate version: the version exists (no DescribeApplicationVersions on every
    /// pass while green launches).</summary>
    private static bool GreenRunsCandidate(BlueGreenReleaseStatus status, DeploymentColor candidate, IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot> found) =>
        status.Phase == ReleasePhase.ProvisioningGreen && status.CandidateVersion is { } version
        && found.TryGetValue(candidate, out var green) && green.View.VersionLabel == version;

    private async Task<(bool?, bool?)> VersionAsync(ReleaseInputs inputs, CancellationToken cancellationToken)
    {
        var version = inputs.Release.Spec.Version;
        if (inputs.App is null || await versions.ExistsAsync(inputs.ApplicationName, version.Label, cancellationToken).ConfigureAwait(false))
        {
            return (true, null);
        }

        var bundle = await s3.HeadObjectAsync(version.SourceBundle.S3Bucket, version.SourceBundle.S3Key, cancellationToken).ConfigureAwait(false);
        return (false, bundle is not null);
    }

    private async Task<IReadOnlyList<GateCheckResult>?> RoundAsync(ReleaseInputs inputs, BlueGreenReleaseStatus status, DeploymentColor candidate,
        IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot> found, TrafficView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var spec = inputs.Release.Spec;
        if (!ReleasePlanner.GateRoundDue(spec, status, now) || !found.TryGetValue(candidate, out var green) || green.Environment.IsTerminatingOrTerminated)
        {
            return null;
        }

        var target = new GateTarget(green, view.TargetHealth.GetValueOrDefault(candidate), spec.FrontendRef is not null && spec.Strategy.Cutover != CutoverMethod.CnameSwap,
            spec.HealthGate);
        return await gate.MeasureAsync(ReleasePlanner.ChecksToMeasure(spec, status), target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Green and blue over EB's last metrics window (both read in this live pass); null when either is missing.</summary>
    private static TrafficComparison? Compare(IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot> found, DeploymentColor candidate)
    {
        if (found.GetValueOrDefault(candidate)?.Health?.Metrics is not { } green || found.GetValueOrDefault(candidate.Other())?.Health?.Metrics is not { } blue)
        {
            return null;
        }

        return new TrafficComparison(green.RequestCount ?? 0, Percent(green), Milliseconds(green.P99), blue.RequestCount ?? 0, Percent(blue), Milliseconds(blue.P99));
    }

    /// <summary>Blue served no request in EB's last metrics window (or is gone).</summary>
    private static bool Drained(IReadOnlyDictionary<DeploymentColor, EnvironmentSnapshot> found, DeploymentColor blue) =>
        found.GetValueOrDefault(blue) is not { } environment || (environment.Health?.Metrics?.RequestCount ?? 0) == 0;

    private static double Percent(EbApplicationMetrics metrics) => (metrics.ServerErrorRate ?? 0) * 100;

    private static double? Milliseconds(double? seconds) => seconds * 1000;
}
