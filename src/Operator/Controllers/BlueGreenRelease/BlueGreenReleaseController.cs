using System.Text.Json.Nodes;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Status;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// BlueGreenRelease: observe (caches and AWS) → decide (<see cref="ReleasePlanner"/>, pure) → write the status with
/// the new phase → perform the one AWS action → events and conditions → look again when the planner says. A crash at
/// any point resumes from what AWS shows. Paused or in a dry run it decides but acts on nothing and changes no status.
/// Deleting it keeps the environment that serves traffic and removes the other one it created.
/// </summary>
internal sealed class BlueGreenReleaseController(
    ReleaseCaches caches,
    ReleaseObserver observer,
    ReleaseExecutor executor,
    IStatusCheckpoint<Entities.BlueGreenRelease> checkpoint,
    IResourceClient<Entities.BlueGreenRelease> releases,
    IEventRecorder events,
    ReleaseMetrics metrics,
    IOptions<ControllerSettings> options,
    TimeProvider time,
    ILogger<BlueGreenReleaseController> logger) : IResourceController<Entities.BlueGreenRelease>, IReferences<Entities.BlueGreenRelease>
{
    private const string EventAction = "Release";

    private ControllerSettings Settings => options.Value;

    public IEnumerable<ReferencedObject> GetReferences(Entities.BlueGreenRelease entity)
    {
        var inputs = caches.Resolve(entity);
        List<ReferencedObject> references = [new(Entities.BeanstalkApp.KindName, entity.Spec.AppRef.Name)];
        if (entity.Spec.FrontendRef is { } frontend)
        {
            references.Add(new ReferencedObject(Entities.NlbFrontend.KindName, frontend.Name));
        }

        references.AddRange((inputs.App?.Spec.EnvFrom ?? []).Select(e => new ReferencedObject(Entities.RdsDatabase.KindName, e.RdsDatabaseRef.Name)));
        return references;
    }

    public async Task<ReconcileResult> ReconcileAsync(Entities.BlueGreenRelease entity, CancellationToken cancellationToken)
    {
        var policy = ObjectPolicy.Of(entity, DeletionPolicy.Delete, Settings);
        var status = entity.Status ??= new BlueGreenReleaseStatus();
        var inputs = caches.Resolve(entity);
        if (inputs.App is null)
        {
            var waiting = $"waiting for BeanstalkApp {entity.Spec.AppRef.Name} (spec.appRef): it does not exist";
            Conditions.MarkReconciling(entity, time, "WaitingForBeanstalkApp", waiting);
            return ReconcileResult.RequeueAfter(Settings.DependencyRequeue, waiting);
        }

        var withheld = policy.Paused ? $"paused ({EbopsAnnotations.Paused})" : entity.Spec.DryRun ? "dry run (spec.dryRun)" : null;
        var signal = withheld is null ? SignalAnnotation.Of(entity) : null;
        var seen = await observer.ObserveAsync(inputs, signal?.Request, finalizing: false, cancellationToken).ConfigureAwait(false);
        if (signal is not null)
        {
            await ConsumeSignalAsync(entity, signal, cancellationToken).ConfigureAwait(false);
        }

        var timings = ReleaseTimings.From(Settings, policy.PollInterval);
        if (withheld is not null && !(entity.Spec.DryRun && !policy.Paused && StartRules.IsRest(status.Phase)))
        {
            return Withhold(entity, ReleasePlanner.Decide(entity.Spec, Copy(status), seen, time.GetUtcNow(), timings), withheld, policy);
        }

        var decision = ReleasePlanner.Decide(entity.Spec, status, seen, time.GetUtcNow(), timings);
        return await ActAsync(entity, inputs, decision, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReconcileResult> FinalizeAsync(Entities.BlueGreenRelease entity, CancellationToken cancellationToken)
    {
        var policy = ObjectPolicy.Of(entity, DeletionPolicy.Delete, Settings);
        var inputs = caches.Resolve(entity);
        if (policy.Deletion == DeletionPolicy.Retain || inputs.App is null)
        {
            // Retained, or the app (and with it its environments) is gone already.
            Log.Finalized(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, "environments retained");
            metrics.Forget(entity.Metadata.NamespaceProperty ?? "", entity.Metadata.Name);
            return ReconcileResult.Done;
        }

        if (policy.Paused)
        {
            SyncConditions.MarkPaused(entity, time, "paused: no environment is removed while ebops.io/paused is \"true\"");
            return ReconcileResult.RequeueAfter(policy.PollInterval, "paused while deleting");
        }

        entity.Status ??= new BlueGreenReleaseStatus();
        var seen = await observer.ObserveAsync(inputs, null, finalizing: true, cancellationToken).ConfigureAwait(false);
        var decision = ReleasePlanner.Finalize(entity.Spec, entity.Status, seen, time.GetUtcNow(), ReleaseTimings.From(Settings, policy.PollInterval));
        if (decision.Action is { } action)
        {
            Log.Acting(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, entity.Status.ReleaseNumber, "deleting", action.Describe());
            await executor.ExecuteAsync(action, inputs, cancellationToken).ConfigureAwait(false);
        }

        if (decision.RequeueAfter is { } after)
        {
            Conditions.MarkReconciling(entity, time, "Deleting", entity.Status.Message ?? "deleting");
            return ReconcileResult.RequeueAfter(after, entity.Status.Message ?? "deleting");
        }

        Log.Finalized(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, entity.Status.Message);
        metrics.Forget(entity.Metadata.NamespaceProperty ?? "", entity.Metadata.Name);
        return ReconcileResult.Done;
    }

    private async Task<ReconcileResult> ActAsync(Entities.BlueGreenRelease entity, ReleaseInputs inputs, ReleaseDecision decision, CancellationToken cancellationToken)
    {
        var status = entity.Status!;
        RecordTraffic(status, inputs);
        if (decision.Stall is { } stall)
        {
            await RecordAsync(entity, decision.Events, cancellationToken).ConfigureAwait(false);
            metrics.Observe(entity);
            throw new TerminalException(stall.Message, stall.Field, stall.Reason);
        }

        ReleaseConditions.Apply(entity, decision, time);
        if (decision.Action is { } action)
        {
            // The phase (and everything decided with it) is stored before the AWS call of that phase.
            await checkpoint.SaveAsync(entity, cancellationToken).ConfigureAwait(false);
            metrics.Observe(entity);
            await RecordAsync(entity, decision.Events, cancellationToken).ConfigureAwait(false);
            Log.Acting(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, status.ReleaseNumber, status.Phase?.ToString(), action.Describe());
            await executor.ExecuteAsync(action, inputs with { Release = entity }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RecordAsync(entity, decision.Events, cancellationToken).ConfigureAwait(false);
            Log.Waiting(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, status.Phase?.ToString(), decision.RequeueAfter, status.Message);
        }

        // The runtime writes this status when the reconcile returns.
        metrics.Observe(entity);
        return decision.RequeueAfter is { } after ? ReconcileResult.RequeueAfter(after, status.Message ?? "") : ReconcileResult.Done;
    }

    /// <summary>Paused or a dry run: what it would do, said in the conditions; nothing in AWS or in the status changes.</summary>
    private ReconcileResult Withhold(Entities.BlueGreenRelease entity, ReleaseDecision decision, string why, ObjectPolicy policy)
    {
        var would = decision.Action?.Describe() ?? "nothing yet";
        if (decision.Action is not null)
        {
            Log.Withheld(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, would);
        }

        SyncConditions.MarkPaused(entity, time, $"{why}: no AWS writes; would: {would}");
        return ReconcileResult.RequeueAfter(policy.Paused ? policy.PollInterval : decision.RequeueAfter ?? policy.PollInterval, why);
    }

    /// <summary>Takes the signal annotations off the object (resourceVersion precondition: a signal set meanwhile is
    /// read again), so the request is applied once; an unknown value is reported and dropped.</summary>
    private async Task ConsumeSignalAsync(Entities.BlueGreenRelease entity, SignalAnnotation signal, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = entity.Metadata.ResourceVersion,
                ["annotations"] = new JsonObject { [EbopsAnnotations.Signal] = null, [EbopsAnnotations.SignalBy] = null },
            },
        };
        var updated = await releases.PatchAsync(entity.Metadata.NamespaceProperty, entity.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        entity.Metadata.ResourceVersion = updated.Metadata.ResourceVersion;
        entity.Metadata.Annotations?.Remove(EbopsAnnotations.Signal);
        entity.Metadata.Annotations?.Remove(EbopsAnnotations.SignalBy);
        Log.SignalConsumed(logger, entity.Metadata.NamespaceProperty, entity.Metadata.Name, signal.Request is null ? "dropped unknown" : "took", signal.Value, signal.By ?? "unknown");
        if (signal.Request is null)
        {
            await events.RecordAsync(entity, EventTypes.Warning, "SignalInvalid", EventAction,
                $"{EbopsAnnotations.Signal} \"{signal.Value}\" is not promote, abort, retry or rollback; ignored", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(Entities.BlueGreenRelease entity, IReadOnlyList<ReleaseEvent> decided, CancellationToken cancellationToken)
    {
        foreach (var e in decided)
        {
            await events.RecordAsync(entity, e.Type, e.Reason, EventAction, e.Note, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>status.traffic: the listener and the target group of the active colour (NLB cut-overs).</summary>
    private static void RecordTraffic(BlueGreenReleaseStatus status, ReleaseInputs inputs)
    {
        if (inputs.ListenerArn is not { } listener)
        {
            return;
        }

        status.Traffic ??= new TrafficStatus();
        status.Traffic.ListenerArn = listener;
        status.Traffic.ActiveTargetGroupArn = status.ActiveColor is { } active ? inputs.TargetGroupArn(active) : null;
    }

    private static BlueGreenReleaseStatus Copy(BlueGreenReleaseStatus status) =>
        KubernetesJson.Deserialize<BlueGreenReleaseStatus>(KubernetesJson.Serialize(status));
}
