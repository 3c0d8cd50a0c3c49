using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Status;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// NlbFrontend: observe, decide, act, report. Before anything exists it waits for the backend BeanstalkApp to be Ready
/// and runs the pre-flight checks (Stalled naming the field, nothing written); then it keeps the Elastic IPs, the NLB,
/// the target group of each colour and the listener in line with the spec. The listener's forward is the release's: a
/// hand edit is reported (event <c>ListenerDrift</c>, Synced=False), never reverted.
/// </summary>
internal sealed class NlbFrontendController(
    NlbFrontendSync sync,
    NlbPreflightReader preflight,
    NlbFrontendDeletion deletion,
    IResourceCache<Entities.BeanstalkApp> apps,
    IOptions<ControllerSettings> options,
    TimeProvider time,
    ILogger<NlbFrontendController> logger) : IResourceController<Entities.NlbFrontend>, IReferences<Entities.NlbFrontend>
{
    private ControllerSettings Settings => options.Value;

    public IEnumerable<ReferencedObject> GetReferences(Entities.NlbFrontend entity) =>
        [new ReferencedObject(Entities.BeanstalkApp.KindName, entity.Spec.BackendRef.Name)];

    public async Task<ReconcileResult> ReconcileAsync(Entities.NlbFrontend entity, CancellationToken cancellationToken)
    {
        var policy = ObjectPolicy.Of(entity, DeletionPolicy.Delete, Settings);
        if (NlbPreflight.CheckSpec(entity.Spec) is { } invalid)
        {
            throw invalid;
        }

        if (await StillProvisioningAsync(entity, policy, cancellationToken).ConfigureAwait(false) is { } provisioning)
        {
            return provisioning;
        }

        var status = entity.Status ??= new NlbFrontendStatus();
        var steady = NlbDecisions.IsSteady(entity);
        var pass = new NlbPass(entity, policy, ResourceOwners.For(entity, Settings), NlbDecisions.ReadModeFor(steady, policy.PollInterval, Settings.PollInterval));
        var app = apps.Get(entity.Metadata.NamespaceProperty ?? "", entity.Spec.BackendRef.Name);
        if (!Conditions.IsTrue(status, ConditionTypes.Ready))
        {
            Conditions.MarkReconciling(entity, time, NlbReasons.Provisioning, "creating the network load balancer, its Elastic IPs, target groups and listener");
        }

        if (status.LoadBalancerArn is null && !NlbDecisions.IsReady(app) && policy.Adoption != AdoptionPolicy.Adopt)
        {
            // Nothing recorded and nothing to create before the backend is Ready: no AWS read while waiting (frontends
            // created with their applications would ask for a load balancer that does not exist yet on every requeue).
            return WaitForBackend(entity);
        }

        var nlb = await sync.ReadLoadBalancerAsync(pass, cancellationToken).ConfigureAwait(false);
        if (nlb is null)
        {
            if (!NlbDecisions.IsReady(app))
            {
                return WaitForBackend(entity);
            }

            await preflight.CheckAsync(pass, app!, cancellationToken).ConfigureAwait(false);
        }

        var (loadBalancer, addresses) = await sync.EnsureLoadBalancerAsync(pass, nlb, cancellationToken).ConfigureAwait(false);
        var groups = loadBalancer is null
            ? new Dictionary<DeploymentColor, TargetGroupObserved>()
            : await sync.EnsureTargetGroupsAsync(pass, loadBalancer, app?.Spec.LoadBalancer.ListenerPort, cancellationToken).ConfigureAwait(false);
        var listener = loadBalancer is null ? null : await sync.EnsureListenerAsync(pass, loadBalancer, groups, cancellationToken).ConfigureAwait(false);
        var health = await sync.ReadHealthAsync(pass, steady, app, groups, cancellationToken).ConfigureAwait(false);
        var observation = new NlbObservation(loadBalancer, addresses, groups, listener, health);
        NlbStatusBuilder.Apply(status, entity.Spec, observation);
        status.ObservedGeneration = entity.Metadata.Generation;
        if (loadBalancer is not null && !loadBalancer.IsActive)
        {
            pass.Waiting = NlbDecisions.LoadBalancerWaiting(loadBalancer.Name, loadBalancer.State);
        }

        if (!pass.Policy.Paused && groups.Count < NlbDesiredState.Colors.Count && app is null)
        {
            return WaitForBackend(entity);
        }

        return Conclude(pass, observation);
    }

    public async Task<ReconcileResult> FinalizeAsync(Entities.NlbFrontend entity, CancellationToken cancellationToken)
    {
        var policy = ObjectPolicy.Of(entity, DeletionPolicy.Delete, Settings);
        if (policy.Deletion == DeletionPolicy.Retain)
        {
            Log.Retained(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name);
            return ReconcileResult.Done;
        }

        if (policy.Paused)
        {
            SyncConditions.MarkPaused(entity, time, "paused: the AWS objects are not deleted while ebops.io/paused is \"true\"");
            return ReconcileResult.RequeueAfter(policy.PollInterval, "paused while deleting");
        }

        var pass = new NlbPass(entity, policy, ResourceOwners.For(entity, Settings), Resources.ReadMode.Live);
        var waiting = await NlbGuard.RunAsync("metadata.annotations." + EbopsAnnotations.DeletionPolicy, () => deletion.DeleteAsync(pass, cancellationToken)).ConfigureAwait(false);
        if (waiting is null)
        {
            Log.Deleted(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name);
            return ReconcileResult.Done;
        }

        Conditions.MarkReconciling(entity, time, NlbReasons.Deleting, waiting);
        return ReconcileResult.RequeueAfter(Settings.BusyRequeue, waiting);
    }

    /// <summary>The requeue of a pass that only looked at the load balancer's state (still provisioning), or null when a
    /// full pass is due. Status unchanged: the condition already says the load balancer is provisioning.</summary>
    private async Task<ReconcileResult?> StillProvisioningAsync(Entities.NlbFrontend entity, ObjectPolicy policy, CancellationToken cancellationToken) =>
        NlbDecisions.WaitsOnlyForLoadBalancer(entity, policy.Paused) && entity.Status!.LoadBalancerArn is { } arn
        && await sync.ReadLoadBalancerStateAsync(arn, cancellationToken).ConfigureAwait(false) == Elbv2Statuses.LoadBalancerProvisioning
            ? ReconcileResult.RequeueAfter(Settings.BusyRequeue, Conditions.Find(entity.Status, ConditionTypes.Reconciling)!.Message!)
            : null;

    private ReconcileResult WaitForBackend(Entities.NlbFrontend entity)
    {
        var message = $"waiting for BeanstalkApp {entity.Spec.BackendRef.Name} to be Ready";
        Conditions.MarkReconciling(entity, time, NlbReasons.WaitingForBeanstalkApp, message);
        return ReconcileResult.RequeueAfter(Settings.DependencyRequeue, message);
    }

    private ReconcileResult Conclude(NlbPass pass, NlbObservation observed)
    {
        var entity = pass.Entity;
        var complete = observed.LoadBalancer is not null && observed.Listener is not null && observed.TargetGroups.Count == NlbDesiredState.Colors.Count;
        if (pass.Policy.Paused)
        {
            var wouldDo = pass.Missing.Select(m => "create " + m).Concat(pass.Differs.Select(d => "correct " + d)).ToList();
            SyncConditions.MarkPaused(entity, time, wouldDo.Count == 0 ? "paused: no AWS writes" : "paused: no AWS writes; would " + string.Join("; ", wouldDo));
        }
        else
        {
            MarkSync(pass);
        }

        if (pass.Waiting is { } waiting)
        {
            Conditions.MarkReconciling(entity, time, NlbReasons.Provisioning, waiting);
            return ReconcileResult.RequeueAfter(Settings.BusyRequeue, waiting);
        }

        if (!complete)
        {
            var missing = pass.Policy.Paused ? "paused before every AWS object exists" : "the target groups and listener wait for the backend";
            Conditions.MarkNotReady(entity, time, pass.Policy.Paused ? NlbReasons.Paused : NlbReasons.WaitingForBeanstalkApp, missing);
            return ReconcileResult.RequeueAfter(pass.Policy.Paused ? pass.Policy.PollInterval : Settings.DependencyRequeue, missing);
        }

        Conditions.MarkReady(entity, time);
        return ReconcileResult.RequeueAfter(pass.Policy.PollInterval, "poll");
    }

    private void MarkSync(NlbPass pass)
    {
        var problems = pass.Fixed.ToList();
        if (pass.ListenerDrift is { } drift)
        {
            problems.Insert(0, drift);
        }

        if (problems.Count > 0)
        {
            SyncConditions.MarkOutOfSync(pass.Entity, time, pass.ListenerDrift is null ? NlbReasons.CannotChange : NlbReasons.ListenerDrift, string.Join("; ", problems));
        }
        else if (pass.Corrected.Count > 0)
        {
            Conditions.Set(pass.Entity, time, ConditionTypes.Synced, ConditionStatus.True, NlbReasons.DriftCorrected,
                "corrected " + string.Join(", ", pass.Corrected.Distinct(StringComparer.Ordinal)));
        }
        else
        {
            SyncConditions.MarkSynced(pass.Entity, time);
        }
    }
}
