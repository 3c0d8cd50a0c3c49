using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Cache;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Runtime.Watch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Runs one kind: its informer's changes feed keys into a <see cref="WorkQueue{TKey}"/>; workers take a key, read the
/// object from the watch cache, route it to ReconcileAsync or (deletionTimestamp set, finalizer present)
/// FinalizeAsync, write status only when it changed, and map the outcome: Done → forget; RequeueAfter → AddAfter;
/// TerminalException → Stalled=True + Warning event, skipped until the generation or a referenced object changes;
/// a 409 → at once again, reading live; any other exception → per-key exponential backoff.
/// </summary>
internal sealed class ControllerService<T> : IControllerRunner, IDependent
    where T : class, ICustomResource
{
    private readonly IServiceScopeFactory scopes;
    private readonly Func<IServiceProvider, IResourceController<T>> resolve;
    private readonly ResourceInformer<T> informer;
    private readonly InformerRegistry informers;
    private readonly DependencyIndex dependencies;
    private readonly IEventRecorder events;
    private readonly RuntimeMetrics metrics;
    private readonly ControllerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ChangeFilter filter;
    private readonly IReconcileObserver? observer;
    private readonly IRetryReasons? retryReasons;
    private readonly CancellationTokenSource hardStop = new();
    private readonly List<Task> loops = [];
    private volatile bool faulted;

    internal ControllerService(ControllerServiceBuilder<T> parts)
    {
        scopes = parts.Scopes;
        resolve = parts.Controller;
        informer = parts.Informer;
        informers = parts.Informers ?? new InformerRegistry([parts.Informer]);
        dependencies = parts.Dependencies;
        events = parts.Events;
        metrics = parts.Metrics;
        options = parts.Options;
        time = parts.Time;
        logger = parts.Logger;
        observer = parts.Observer;
        retryReasons = parts.RetryReasons;
        var entity = EntityMetadata.For<T>();
        Kind = entity.Kind;
        filter = new ChangeFilter(options.Finalizer);
        Access = new TrackedClient<T>(parts.Client, informer);
        Queue = new WorkQueue<ResourceKey>(options.Queue, time, metrics.ForQueue(Kind), parts.Random);
        informer.Watcher.Subscribe(OnChange);
        dependencies.RegisterController(entity.Group, Kind, this);
    }

    public string Kind { get; }

    public WorkQueue<ResourceKey> Queue { get; }

    public ResourceInformer<T> Informer => informer;

    /// <summary>Reads (cache or live) and tracked writes.</summary>
    public TrackedClient<T> Access { get; }

    public bool IsSynced => informer.IsSynced;

    public bool IsFaulted => faulted;

    public void Start()
    {
        Queue.StartResync(() => informer.Watcher.Keys);
        for (var i = 0; i < Math.Max(1, options.Workers); i++)
        {
            loops.Add(Guard(WorkAsync));
        }

        Log.ControllerStarted(logger, Kind, options.Workers, options.Namespace ?? "*");
    }

    public async Task<bool> StopAsync(TimeSpan deadline)
    {
        // ShutDownAsync stops handing out keys synchronously, then waits for the reconciles in flight.
        var drained = await Queue.ShutDownAsync(deadline).ConfigureAwait(false);
        if (!drained)
        {
            Log.ShutdownDeadline(logger, Kind, Queue.InFlight);
        }

        await hardStop.CancelAsync().ConfigureAwait(false);
        try
        {
            // A controller that ignores cancellation must not hold the process forever.
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        Queue.Dispose();
        Log.ControllerStopped(logger, Kind, drained);
        return drained;
    }

    void IDependent.OnDependencyChanged(ResourceKey key) => Queue.Add(key);

    /// <summary>Reconciles one key end to end, as a worker does.</summary>
    public async Task<ReconcileOutcome> ProcessAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        ReconcileOutcome outcome;
        try
        {
            outcome = await ReconcileKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = ReconcileOutcome.Cancelled;
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            // The cache (or our read) was stale: read live once and go again now.
            Access.ReadLiveNext(key);
            Queue.Add(key);
            Log.Conflict(logger, Kind, key.Namespace, key.Name);
            outcome = ReconcileOutcome.Conflict;
        }
        catch (Exception e)
        {
            var delay = Queue.AddRateLimited(key);
            metrics.ReconcileFailed(Kind);
            Log.ReconcileFailed(logger, e, Kind, key.Namespace, key.Name, Queue.NumRequeues(key), delay);
            outcome = ReconcileOutcome.Failed;
        }

        metrics.Reconciled(Kind, outcome.MetricLabel(), time.GetElapsedTime(started));
        metrics.ObjectReconciled(Kind, key, outcome.MetricLabel());
        return outcome;
    }

    private void OnChange(ObjectChange<T> change)
    {
        Access.Observe(change);
        if (filter.Matters(change.Previous?.Metadata, change.Current?.Metadata))
        {
            Queue.Add(change.Key);
        }
        else
        {
            Log.EventSkipped(logger, Kind, change.Key.Namespace, change.Key.Name, change.Current?.Metadata.Generation);
        }
    }

    private async Task WorkAsync()
    {
        while (await Queue.TakeAsync(hardStop.Token).ConfigureAwait(false) is { } item)
        {
            var outcome = ReconcileOutcome.Cancelled;
            try
            {
                outcome = await ProcessAsync(item.Key, hardStop.Token).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(item.Key);
            }

            // Once the key is free again: an observer that sees every queue idle knows no reconcile is left.
            observer?.Processed(Kind, item.Key, outcome);
        }
    }

    private async Task Guard(Func<Task> loop)
    {
        try
        {
            await Task.Run(loop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            faulted = true;
            Log.LoopFaulted(logger, e, Kind);
        }
    }

    private async Task<ReconcileOutcome> ReconcileKeyAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var entity = await Access.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            // Gone: nothing to do (cleanup belongs in FinalizeAsync, which ran before the object could disappear).
            Forget(key);
            Log.NotFound(logger, Kind, key.Namespace, key.Name);
            return ReconcileOutcome.NotFound;
        }

        using var scope = scopes.CreateScope();
        var controller = resolve(scope.ServiceProvider);
        var references = controller is IReferences<T> r ? r.GetReferences(entity).ToList() : [];
        dependencies.Set(this, key, references);
        // Taken before the controller runs: a referenced object changing during the reconcile must end a stall it causes.
        var fingerprint = ReferenceFingerprint.Of(references, key.Namespace, informers);
        var step = new Step(key, controller, entity, new StatusBaseline(StatusWriter.Snapshot(entity)), fingerprint);
        scope.ServiceProvider.GetService<StatusCheckpoint<T>>()?.Bind((current, ct) => SaveCheckpointAsync(current, step.Baseline, ct));
        if (entity.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(step, cancellationToken).ConfigureAwait(false);
        }

        if (IsStillStalled(step))
        {
            return ReconcileOutcome.StalledSkipped;
        }

        if (options.Finalizer is { } finalizer && !Finalizers.Has(entity, finalizer))
        {
            // Before the controller can create anything outside the cluster, so a delete can never orphan it.
            step = step with { Entity = await Access.AddFinalizerAsync(entity, finalizer, cancellationToken).ConfigureAwait(false) };
        }

        ReconcileResult result;
        try
        {
            result = await controller.ReconcileAsync(step.Entity, cancellationToken).ConfigureAwait(false);
        }
        catch (TerminalException e)
        {
            return await StallAsync(step, e, "Reconcile", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Status is written even when the reconcile failed (ACK): Ready=False set early must reach the user, and
            // so must why it is retried.
            await TryWriteStatusAsync(step, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        Succeeded(step.Entity);

        await Access.WriteStatusIfChangedAsync(step.Entity, step.Baseline.Value, cancellationToken).ConfigureAwait(false);
        return Complete(key, result);
    }

    private async Task<ReconcileOutcome> FinalizeAsync(Step step, CancellationToken cancellationToken)
    {
        if (options.Finalizer is not { } finalizer || !Finalizers.Has(step.Entity, finalizer))
        {
            Queue.Forget(step.Key);
            return ReconcileOutcome.Deleting;
        }

        if (IsStillStalled(step))
        {
            return ReconcileOutcome.StalledSkipped;
        }

        ReconcileResult result;
        try
        {
            result = await step.Controller.FinalizeAsync(step.Entity, cancellationToken).ConfigureAwait(false);
        }
        catch (TerminalException e)
        {
            return await StallAsync(step, e, "Finalize", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await TryWriteStatusAsync(step, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        RetryConditions.Clear(step.Entity, time);
        if (!result.IsDone)
        {
            await Access.WriteStatusIfChangedAsync(step.Entity, step.Baseline.Value, cancellationToken).ConfigureAwait(false);
            return Complete(step.Key, result);
        }

        // Cleanup confirmed: only now may the object go away.
        await Access.RemoveFinalizerAsync(step.Entity, finalizer, cancellationToken).ConfigureAwait(false);
        Forget(step.Key);
        Log.Finalized(logger, Kind, step.Key.Namespace, step.Key.Name);
        return ReconcileOutcome.Finalized;
    }

    /// <summary>Stalled=True at this generation with the same referenced objects: a retry would fail the same way.</summary>
    private bool IsStillStalled(Step step)
    {
        var status = step.Entity.StatusBase;
        var stalled = Conditions.Find(status, ConditionTypes.Stalled);
        var generation = step.Entity.Metadata.Generation ?? 0;
        if (stalled is not { Status: ConditionStatus.True } || (stalled.ObservedGeneration ?? 0) != generation || status!.StalledReferences != step.Fingerprint)
        {
            return false;
        }

        Queue.Forget(step.Key);
        Log.SkippedStalled(logger, Kind, step.Key.Namespace, step.Key.Name, generation);
        return true;
    }

    private ReconcileOutcome Complete(ResourceKey key, ReconcileResult result)
    {
        Queue.Forget(key);
        if (result.Delay is { } delay)
        {
            Queue.AddAfter(key, delay);
            Log.RequeuedAfter(logger, Kind, key.Namespace, key.Name, delay, result.Reason);
            return ReconcileOutcome.Requeued;
        }

        Log.Reconciled(logger, Kind, key.Namespace, key.Name);
        return ReconcileOutcome.Done;
    }

    private async Task<ReconcileOutcome> StallAsync(Step step, TerminalException e, string action, CancellationToken cancellationToken)
    {
        var generation = step.Entity.Metadata.Generation ?? 0;
        Queue.Forget(step.Key);
        Log.Stalled(logger, Kind, step.Key.Namespace, step.Key.Name, generation, e.Reason, e.UserMessage);
        Conditions.MarkStalled(step.Entity, time, e.Reason, e.UserMessage);
        step.Entity.StatusBase!.StalledReferences = step.Fingerprint;
        await Access.WriteStatusIfChangedAsync(step.Entity, step.Baseline.Value, cancellationToken).ConfigureAwait(false);
        await events.RecordAsync(step.Entity, EventTypes.Warning, e.Reason, action, e.UserMessage, cancellationToken).ConfigureAwait(false);
        return ReconcileOutcome.Stalled;
    }

    /// <summary>A reconcile went through: no stall, and no retry left showing.</summary>
    private void Succeeded(T entity)
    {
        Conditions.ClearStalled(entity, time);
        RetryConditions.Clear(entity, time);
        if (entity.StatusBase is { } status)
        {
            status.StalledReferences = null;
        }
    }

    /// <summary>The status after a failed reconcile, with why it is retried when that is known.</summary>
    private async Task TryWriteStatusAsync(Step step, Exception error, CancellationToken cancellationToken)
    {
        RetryConditions.Mark(step.Entity, time, retryReasons?.Of(error));
        try
        {
            await Access.WriteStatusIfChangedAsync(step.Entity, step.Baseline.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (ApiErrors.IsConflict(e))
            {
                Access.ReadLiveNext(step.Key);
            }

            Log.StatusWriteFailed(logger, e, Kind, step.Key.Namespace, step.Key.Name);
        }
    }

    private void Forget(ResourceKey key)
    {
        dependencies.Remove(this, key);
        Access.Forget(key);
        Queue.Forget(key);
    }

    /// <summary>A write of status in the middle of a reconcile: later writes of this reconcile compare with it.</summary>
    private async Task<bool> SaveCheckpointAsync(T entity, StatusBaseline baseline, CancellationToken cancellationToken)
    {
        if (!await Access.WriteStatusIfChangedAsync(entity, baseline.Value, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        baseline.Value = StatusWriter.Snapshot(entity);
        return true;
    }

    /// <summary>One reconcile's working set: the key, its controller, the object, its status as last read or written, its references' fingerprint.</summary>
    private sealed record Step(ResourceKey Key, IResourceController<T> Controller, T Entity, StatusBaseline Baseline, string? Fingerprint);
}
