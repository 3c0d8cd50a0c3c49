using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Runtime.Events;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>One reconcile (or finalize) of one RdsDatabase: the object, its policy, and what the steps found.</summary>
internal sealed class RdsReconcile
{
    private readonly IEventRecorder events;

    public RdsReconcile(Entities.RdsDatabase entity, ControllerSettings settings, TimeProvider time, IEventRecorder events)
    {
        this.events = events;
        Entity = entity;
        Settings = settings;
        Time = time;
        Now = time.GetUtcNow();
        Policy = ObjectPolicy.Of(entity, DeletionPolicy.Delete, settings);
        Owner = ResourceOwners.For(entity, settings);
        Status = entity.Status ??= new RdsDatabaseStatus();
        SpecChanged = Status.ObservedGeneration != entity.Metadata.Generation;
        Mode = RdsDecisions.ReadModeFor(entity);
    }

    public Entities.RdsDatabase Entity { get; }

    public RdsDatabaseSpec Spec => Entity.Spec;

    public RdsDatabaseStatus Status { get; }

    public ControllerSettings Settings { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Now { get; }

    public ObjectPolicy Policy { get; }

    public ResourceOwner Owner { get; }

    public ReadMode Mode { get; }

    /// <summary>The spec changed since status was last written (an update, not drift).</summary>
    public bool SpecChanged { get; }

    public bool Paused => Policy.Paused;

    public string Namespace => Entity.Metadata.NamespaceProperty ?? "";

    public string Uid => Entity.Metadata.Uid ?? "";

    /// <summary>What this pass waits for, in the order found.</summary>
    public List<RdsWait> Waits { get; } = [];

    /// <summary>Spec fields that differed from AWS and were (or are being) corrected.</summary>
    public List<string> Corrected { get; } = [];

    /// <summary>Spec fields that differ from AWS but were left alone because the object is paused.</summary>
    public List<string> PausedDifferences { get; } = [];

    /// <summary>The subnet group the instance uses (null: the default VPC's).</summary>
    public string? SubnetGroupName { get; set; }

    /// <summary>The VPC of the instance's subnets, when known.</summary>
    public string? VpcId { get; set; }

    /// <summary>The owned security group's id, when it exists.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>The parameter group the instance should use (null: the engine's default).</summary>
    public string? ParameterGroupName { get; set; }

    /// <summary>True when this pass changed the parameter group: the instance's apply status must be read again.</summary>
    public bool ParametersChanged { get; set; }

    /// <summary>Adds a wait; <paramref name="blocking"/> waits keep the object not Ready.</summary>
    public void Wait(string reason, string message, TimeSpan requeue, bool blocking = true) => Waits.Add(new RdsWait(reason, message, requeue, blocking));

    /// <summary>
    /// Decides what to do about <paramref name="delta"/> of <paramref name="what"/>: paused, the fields are only
    /// reported; otherwise they are recorded as corrected and, when the spec did not change (the difference is drift
    /// made outside ebops), a DriftDetected event names them. When <paramref name="expected"/> (the difference comes from
    /// a referenced object that became available since the last reconcile, not from a change made outside ebops), it is
    /// an update, reported by a Normal Updated event. Returns true when the caller should update AWS.
    /// </summary>
    public async Task<bool> ShouldCorrectAsync(Delta delta, string what, CancellationToken cancellationToken, bool expected = false)
    {
        if (delta.IsEmpty)
        {
            return false;
        }

        var fields = delta.Fields.Select(RdsDecisions.SpecField).Distinct(StringComparer.Ordinal).ToList();
        if (Paused)
        {
            PausedDifferences.AddRange(fields);
            return false;
        }

        if (expected)
        {
            await EventAsync("Updated", $"updating {what} ({string.Join(", ", fields)}) now that what it references is available", cancellationToken)
                .ConfigureAwait(false);
            return true;
        }

        Corrected.AddRange(fields);
        if (!SpecChanged)
        {
            await events.RecordAsync(Entity, EventTypes.Warning, SyncConditions.DriftDetected, "Reconcile",
                $"{what} differs from the spec ({string.Join(", ", fields)}); correcting it", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Records a Normal event.</summary>
    public Task EventAsync(string reason, string note, CancellationToken cancellationToken) =>
        events.RecordAsync(Entity, EventTypes.Normal, reason, "Reconcile", note, cancellationToken);
}
