using System.Collections.Concurrent;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Api;
using Ebops.Operator.Runtime.Events;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Queue;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Runtime.Watch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Controllers;

/// <summary>
/// Runs one kind: a <see cref="ResourceWatcher{T}"/> feeds keys into a <see cref="WorkQueue{TKey}"/>; workers take a
/// key, re-read the object, route it to ReconcileAsync or (deletionTimestamp set, finalizer present) FinalizeAsync,
/// write status when it changed, and map the outcome: Done → forget; RequeueAfter → AddAfter; TerminalException →
/// Stalled=True + Warning event, not retried until the generation or a referenced Secret changes; any other
/// exception → per-key exponential backoff.
/// </summary>
public sealed class ControllerService<T> : IControllerRunner, ISecretDependent
    where T : class, ICustomResource
{
    private readonly IServiceScopeFactory scopes;
    private readonly Func<IServiceProvider, IResourceController<T>> resolve;
    private readonly IResourceClient<T> client;
    private readonly IEventRecorder events;
    private readonly SecretDependencyIndex secrets;
    private readonly RuntimeMetrics metrics;
    private readonly ControllerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly StatusWriter<T> statusWriter;
    private readonly ConcurrentDictionary<ResourceKey, long> stalled = new();
    private readonly CancellationTokenSource watchStop = new();
    private readonly CancellationTokenSource hardStop = new();
    private readonly List<Task> loops = [];
    private volatile bool faulted;

    public ControllerService(
        IServiceScopeFactory scopes,
        Func<IServiceProvider, IResourceController<T>> resolve,
        IResourceClient<T> client,
        IWatchSource<T> source,
        IEventRecorder events,
        SecretDependencyIndex secrets,
        RuntimeMetrics metrics,
        ControllerOptions options,
        TimeProvider time,
        ILogger<ControllerService<T>> logger,
        Func<double>? random = null)
    {
        this.scopes = scopes;
        this.resolve = resolve;
        this.client = client;
        this.events = events;
        this.secrets = secrets;
        this.metrics = metrics;
        this.options = options;
        this.time = time;
        this.logger = logger;
        Kind = EntityMetadata.For<T>().Kind;
        statusWriter = new StatusWriter<T>(client);
        Queue = new WorkQueue<ResourceKey>(options.Queue, time, metrics.ForQueue(Kind), random);
        Watcher = new ResourceWatcher<T>(Kind, source, Queue.Add, options.Watcher with { OwnFinalizer = options.Finalizer }, time, logger, random);
    }

    public string Kind { get; }

    public WorkQueue<ResourceKey> Queue { get; }

    public ResourceWatcher<T> Watcher { get; }

    public bool IsSynced => Watcher.IsSynced;

    public bool IsFaulted => faulted;

    /// <summary>Keys stalled on a terminal error, with the generation they stalled at.</summary>
    public IReadOnlyDictionary<ResourceKey, long> Stalled => stalled;

    public void Start()
    {
        loops.Add(Guard(() => Watcher.RunAsync(watchStop.Token)));
        Queue.StartResync(() => Watcher.Keys);
        for (var i = 0; i < Math.Max(1, options.Workers); i++)
        {
            loops.Add(Guard(WorkAsync));
        }

        Log.ControllerStarted(logger, Kind, options.Workers, options.Namespace ?? "*");
    }

    public async Task<bool> StopAsync(TimeSpan deadline)
    {
        // Stop handing out keys first (ShutDownAsync flips that synchronously), then stop watching.
        var draining = Queue.ShutDownAsync(deadline);
        await watchStop.CancelAsync().ConfigureAwait(false);
        var drained = await draining.ConfigureAwait(false);
        if (!drained)
        {
            Log.ShutdownDeadline(logger, Kind, Queue.InFlight);
        }

        await hardStop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        Queue.Dispose();
        Log.ControllerStopped(logger, Kind, drained);
        return drained;
    }

    void ISecretDependent.OnReferencedSecretChanged(ResourceKey key)
    {
        // A changed Secret is the other way out of a terminal stall.
        stalled.TryRemove(key, out _);
        Queue.Add(key);
    }

    /// <summary>Reconciles one key end to end, as a worker does (exposed for tests). Returns the result label.</summary>
    public async Task<string> ProcessAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string result;
        try
        {
            result = await ReconcileKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = "cancelled";
        }
        catch (Exception e)
        {
            var delay = Queue.AddRateLimited(key);
            metrics.ReconcileFailed(Kind);
            Log.ReconcileFailed(logger, e, Kind, key.Namespace, key.Name, Queue.NumRequeues(key), delay);
            result = "error";
        }

        metrics.Reconciled(Kind, result, time.GetElapsedTime(started));
        metrics.ObjectReconciled(Kind, key, result);
        return result;
    }

    private async Task WorkAsync()
    {
        while (await Queue.TakeAsync(hardStop.Token).ConfigureAwait(false) is { } item)
        {
            try
            {
                await ProcessAsync(item.Key, hardStop.Token).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(item.Key);
            }
        }
    }

    private async Task Guard(Func<Task> loop)
    {
        try
        {
            await Task.Run(loop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested || watchStop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            faulted = true;
            Log.LoopFaulted(logger, e, Kind);
        }
    }

    private async Task<string> ReconcileKeyAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            // Gone: nothing to do (cleanup belongs in FinalizeAsync, which ran before the object could disappear).
            secrets.Remove(this, key);
            stalled.TryRemove(key, out _);
            Queue.Forget(key);
            Log.NotFound(logger, Kind, key.Namespace, key.Name);
            return "not_found";
        }

        using var scope = scopes.CreateScope();
        var controller = resolve(scope.ServiceProvider);
        if (controller is ISecretReferences<T> references)
        {
            secrets.Set(this, key, references.GetReferencedSecrets(entity));
        }

        var before = StatusWriter<T>.Snapshot(entity);
        var generation = entity.Metadata.Generation ?? 0;
        if (entity.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(key, controller, entity, before, cancellationToken).ConfigureAwait(false);
        }

        if (stalled.TryGetValue(key, out var stalledAt))
        {
            if (stalledAt == generation)
            {
                Log.SkippedStalled(logger, Kind, key.Namespace, key.Name, generation);
                return "stalled_skipped";
            }

            stalled.TryRemove(key, out _);
        }

        if (options.Finalizer is { } finalizer && !Finalizers.Has(entity, finalizer))
        {
            // Before the controller can create anything outside the cluster, so a delete can never orphan it.
            entity = await Finalizers.AddAsync(client, entity, finalizer, cancellationToken).ConfigureAwait(false);
        }

        ReconcileResult result;
        try
        {
            result = await controller.ReconcileAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (TerminalException e)
        {
            return await StallAsync(key, entity, before, generation, e, "Reconcile", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Status is written even when the reconcile failed (ACK): Ready=False set early must reach the user.
            await TryWriteStatusAsync(entity, before, cancellationToken).ConfigureAwait(false);
            throw;
        }

        Conditions.ClearStalled(entity, time);
        await statusWriter.WriteIfChangedAsync(entity, before, cancellationToken).ConfigureAwait(false);
        return Complete(key, result);
    }

    private async Task<string> FinalizeAsync(ResourceKey key, IResourceController<T> controller, T entity, System.Text.Json.Nodes.JsonNode? before,
        CancellationToken cancellationToken)
    {
        if (options.Finalizer is not { } finalizer || !Finalizers.Has(entity, finalizer))
        {
            Queue.Forget(key);
            return "deleting";
        }

        var generation = entity.Metadata.Generation ?? 0;
        if (stalled.TryGetValue(key, out var stalledAt) && stalledAt == generation)
        {
            Log.SkippedStalled(logger, Kind, key.Namespace, key.Name, generation);
            return "stalled_skipped";
        }

        ReconcileResult result;
        try
        {
            result = await controller.FinalizeAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (TerminalException e)
        {
            return await StallAsync(key, entity, before, generation, e, "Finalize", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await TryWriteStatusAsync(entity, before, cancellationToken).ConfigureAwait(false);
            throw;
        }

        if (!result.IsDone)
        {
            await statusWriter.WriteIfChangedAsync(entity, before, cancellationToken).ConfigureAwait(false);
            return Complete(key, result);
        }

        // Cleanup confirmed: only now may the object go away.
        await Finalizers.RemoveAsync(client, entity, finalizer, cancellationToken).ConfigureAwait(false);
        secrets.Remove(this, key);
        Queue.Forget(key);
        Log.Finalized(logger, Kind, key.Namespace, key.Name);
        return "finalized";
    }

    private string Complete(ResourceKey key, ReconcileResult result)
    {
        Queue.Forget(key);
        if (result.Delay is { } delay)
        {
            Queue.AddAfter(key, delay);
            Log.RequeuedAfter(logger, Kind, key.Namespace, key.Name, delay, result.Reason);
            return "requeue";
        }

        Log.Reconciled(logger, Kind, key.Namespace, key.Name);
        return "done";
    }

    private async Task<string> StallAsync(ResourceKey key, T entity, System.Text.Json.Nodes.JsonNode? before, long generation, TerminalException e,
        string action, CancellationToken cancellationToken)
    {
        stalled[key] = generation;
        Queue.Forget(key);
        Log.Stalled(logger, Kind, key.Namespace, key.Name, generation, e.Reason, e.UserMessage);
        Conditions.MarkStalled(entity, time, e.Reason, e.UserMessage);
        await statusWriter.WriteIfChangedAsync(entity, before, cancellationToken).ConfigureAwait(false);
        await events.RecordAsync(entity, EventTypes.Warning, e.Reason, action, e.UserMessage, cancellationToken).ConfigureAwait(false);
        return "stalled";
    }

    private async Task TryWriteStatusAsync(T entity, System.Text.Json.Nodes.JsonNode? before, CancellationToken cancellationToken)
    {
        try
        {
            await statusWriter.WriteIfChangedAsync(entity, before, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StatusWriteFailed(logger, e, Kind, entity.Metadata.NamespaceProperty, entity.Metadata.Name);
        }
    }
}
