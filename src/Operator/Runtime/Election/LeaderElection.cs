using System.Net;
using Ebops.Operator.Runtime.Metrics;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Election;

/// <summary>
/// Leader election over a coordination.k8s.io/v1 Lease with KubernetesClient's <see cref="LeaderElector"/>.
/// Keeps its own leadership flag because <see cref="LeaderElector.IsLeader"/> can stay true after cancellation, and
/// releases the lease itself on shutdown (21.0.8 has no ReleaseOnCancel): holderIdentity "" and leaseDurationSeconds 1,
/// which LeaderElector standbys treat as free at their next retry instead of waiting for the lease to expire.
/// </summary>
public sealed class LeaderElection(IKubernetes client, LeaderElectionOptions options, RuntimeMetrics metrics, TimeProvider time, ILogger<LeaderElection> logger)
{
    private volatile bool leading;
    private volatile bool stopping;
    private readonly TaskCompletionSource becameLeader = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource leaderKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? leader;

    /// <summary>pod name + random suffix, so a restarted pod never mistakes the old holder for itself.</summary>
    public string Identity { get; } = $"{Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    public bool IsLeader => leading;

    /// <summary>The identity of the current leader as last observed (null until known).</summary>
    public string? Leader => leader;

    /// <summary>Completes the first time this replica starts leading.</summary>
    public Task BecameLeader => becameLeader.Task;

    /// <summary>Completes once this replica knows who leads (itself or another).</summary>
    public Task LeaderKnown => leaderKnown.Task;

    public string LeaseName => options.LeaseName;

    public string LeaseNamespace => options.LeaseNamespace;

    /// <summary>
    /// Campaigns until this replica leads, calls <paramref name="startedLeading"/>, then renews until
    /// <paramref name="cancellationToken"/> fires (graceful stop) or renewal fails, in which case
    /// <paramref name="lostLeadership"/> is called.
    /// </summary>
    public async Task RunAsync(Action startedLeading, Action lostLeadership, CancellationToken cancellationToken)
    {
        var config = new LeaderElectionConfig(new LeaseLock(client, options.LeaseNamespace, options.LeaseName, Identity))
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        elector.OnStartedLeading += () =>
        {
            leading = true;
            leader = Identity;
            leaderKnown.TrySetResult();
            metrics.SetLeader(Identity, true);
            Log.StartedLeading(logger, Identity, options.LeaseNamespace, options.LeaseName);
            startedLeading();
            becameLeader.TrySetResult();
        };
        elector.OnStoppedLeading += () =>
        {
            var was = leading;
            leading = false;
            metrics.SetLeader(Identity, false);
            Log.StoppedLeading(logger, Identity);
            if (was && !stopping && !cancellationToken.IsCancellationRequested)
            {
                Log.LeadershipLost(logger, Identity);
                lostLeadership();
            }
        };
        elector.OnNewLeader += identity =>
        {
            leader = identity;
            Log.NewLeader(logger, identity);
            if (!string.IsNullOrEmpty(identity))
            {
                leaderKnown.TrySetResult();
            }
        };
        elector.OnError += e => Log.ElectionError(logger, e);
        metrics.SetLeader(Identity, false);

        try
        {
            await elector.RunUntilLeadershipLostAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Marks a graceful stop so the coming OnStoppedLeading is not taken for a lost lease.</summary>
    public void BeginStop() => stopping = true;

    /// <summary>
    /// Gives the lease up when this replica still holds it. Call after in-flight reconciles finished, so two leaders
    /// never reconcile at the same time.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, options.LeaseNamespace, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.AcquireTime = now;
            lease.Spec.RenewTime = now;
            // Replace carries the resourceVersion we read: if someone else took the lease meanwhile, this fails with 409.
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, options.LeaseName, options.LeaseNamespace, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            Log.Released(logger, Identity, options.LeaseNamespace, options.LeaseName);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Gone or already taken: nothing to release.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ReleaseFailed(logger, e, options.LeaseNamespace, options.LeaseName);
        }
        finally
        {
            leading = false;
            metrics.SetLeader(Identity, false);
        }
    }
}
