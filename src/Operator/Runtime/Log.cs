using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime;

/// <summary>Source-generated logs of the runtime. Field names are stable: Kind, Namespace, Name, Generation, ResourceVersion.</summary>
internal static partial class Log
{
    // Watch 1xx
    [LoggerMessage(100, LogLevel.Information, "{Kind}: listed {Count} objects, watching from resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string kind, int count, string resourceVersion);

    [LoggerMessage(101, LogLevel.Debug, "{Kind}: watch closed by the server at resourceVersion {ResourceVersion}; resuming")]
    public static partial void WatchEnded(ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(102, LogLevel.Information, "{Kind}: resourceVersion {ResourceVersion} expired ({Reason}); re-listing")]
    public static partial void WatchExpired(ILogger logger, string kind, string? resourceVersion, string reason);

    [LoggerMessage(103, LogLevel.Warning, "{Kind}: list/watch failed at resourceVersion {ResourceVersion} (attempt {Attempt}); retrying with backoff")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string kind, string? resourceVersion, int attempt);

    [LoggerMessage(104, LogLevel.Trace, "{Kind} {Namespace}/{Name}: skipped event, generation {Generation} unchanged")]
    public static partial void EventSkipped(ILogger logger, string kind, string? @namespace, string name, long? generation);

    // Controllers 2xx
    [LoggerMessage(200, LogLevel.Information, "{Kind}: controller started with {Workers} workers, namespace {Namespace}")]
    public static partial void ControllerStarted(ILogger logger, string kind, int workers, string @namespace);

    [LoggerMessage(201, LogLevel.Information, "{Kind}: controller stopped (in-flight reconciles finished: {Drained})")]
    public static partial void ControllerStopped(ILogger logger, string kind, bool drained);

    [LoggerMessage(202, LogLevel.Warning, "{Kind}: shutdown deadline passed with {InFlight} reconciles in flight; cancelling them")]
    public static partial void ShutdownDeadline(ILogger logger, string kind, int inFlight);

    [LoggerMessage(203, LogLevel.Debug, "{Kind} {Namespace}/{Name}: reconciled")]
    public static partial void Reconciled(ILogger logger, string kind, string? @namespace, string name);

    [LoggerMessage(204, LogLevel.Debug, "{Kind} {Namespace}/{Name}: requeued after {Delay} ({Reason})")]
    public static partial void RequeuedAfter(ILogger logger, string kind, string? @namespace, string name, TimeSpan delay, string? reason);

    [LoggerMessage(205, LogLevel.Warning, "{Kind} {Namespace}/{Name}: reconcile failed (retry {Retries} in {Delay})")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string kind, string? @namespace, string name, int retries, TimeSpan delay);

    [LoggerMessage(206, LogLevel.Warning, "{Kind} {Namespace}/{Name}: stalled at generation {Generation}: {Reason}: {Message}")]
    public static partial void Stalled(ILogger logger, string kind, string? @namespace, string name, long generation, string reason, string message);

    [LoggerMessage(207, LogLevel.Debug, "{Kind} {Namespace}/{Name}: stalled at generation {Generation}; waiting for a spec or referenced object change")]
    public static partial void SkippedStalled(ILogger logger, string kind, string? @namespace, string name, long generation);

    [LoggerMessage(208, LogLevel.Debug, "{Kind} {Namespace}/{Name}: not found; nothing to do")]
    public static partial void NotFound(ILogger logger, string kind, string? @namespace, string name);

    [LoggerMessage(209, LogLevel.Information, "{Kind} {Namespace}/{Name}: finalized; finalizer removed")]
    public static partial void Finalized(ILogger logger, string kind, string? @namespace, string name);

    [LoggerMessage(210, LogLevel.Warning, "{Kind} {Namespace}/{Name}: status write failed")]
    public static partial void StatusWriteFailed(ILogger logger, Exception exception, string kind, string? @namespace, string name);

    [LoggerMessage(211, LogLevel.Critical, "{Kind}: a runtime loop failed; /healthz now reports unhealthy")]
    public static partial void LoopFaulted(ILogger logger, Exception exception, string kind);

    [LoggerMessage(212, LogLevel.Debug, "{Kind} {Namespace}/{Name}: write conflict (409); reconciling again with a live read")]
    public static partial void Conflict(ILogger logger, string kind, string? @namespace, string name);

    // Events 3xx
    [LoggerMessage(300, LogLevel.Debug, "Event {Reason} for {Namespace}/{Name} dropped by the rate limit")]
    public static partial void EventRateLimited(ILogger logger, string? @namespace, string name, string reason);

    [LoggerMessage(301, LogLevel.Warning, "Event {Reason} for {Namespace}/{Name} could not be written")]
    public static partial void EventFailed(ILogger logger, Exception exception, string? @namespace, string name, string reason);

    // Leader election and hosting 4xx
    [LoggerMessage(400, LogLevel.Information, "Leader election: {Identity} acquired lease {LeaseNamespace}/{LeaseName}")]
    public static partial void StartedLeading(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(401, LogLevel.Information, "Leader election: {Identity} stopped leading")]
    public static partial void StoppedLeading(ILogger logger, string identity);

    [LoggerMessage(402, LogLevel.Information, "Leader election: the leader is now {Leader}")]
    public static partial void NewLeader(ILogger logger, string leader);

    [LoggerMessage(403, LogLevel.Information, "Leader election: {Identity} released lease {LeaseNamespace}/{LeaseName}")]
    public static partial void Released(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(404, LogLevel.Warning, "Leader election: could not release lease {LeaseNamespace}/{LeaseName}; standbys take over after it expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception? exception, string leaseNamespace, string leaseName);

    [LoggerMessage(405, LogLevel.Critical, "Leader election: {Identity} lost the lease while running; stopping so a fresh start can rejoin")]
    public static partial void LeadershipLost(ILogger logger, string identity);

    [LoggerMessage(406, LogLevel.Debug, "Leader election error")]
    public static partial void ElectionError(ILogger logger, Exception exception);

    [LoggerMessage(410, LogLevel.Information, "Runtime started: {Controllers} controllers, leader election {LeaderElection}, metrics on {MetricsUrl}")]
    public static partial void RuntimeStarted(ILogger logger, int controllers, bool leaderElection, string metricsUrl);

    [LoggerMessage(411, LogLevel.Information, "Runtime stopping: no new work; waiting up to {Deadline} for in-flight reconciles")]
    public static partial void RuntimeStopping(ILogger logger, TimeSpan deadline);

    [LoggerMessage(412, LogLevel.Warning, "No controllers are registered; the runtime only serves health and metrics")]
    public static partial void NoControllers(ILogger logger);
}
