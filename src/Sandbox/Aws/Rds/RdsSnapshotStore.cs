using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>DB snapshots: the final snapshots DeleteDBInstance takes, creating until their time is up.</summary>
internal sealed class RdsSnapshotStore(SimWorld world)
{
    private readonly Dictionary<string, RdsSnapshot> snapshots = new(StringComparer.Ordinal);

    /// <summary>Takes the final snapshot of an instance being deleted; DBSnapshotAlreadyExists when the id is taken.</summary>
    public RdsSnapshot CreateFinal(string id, RdsInstance instance, string vpcId)
    {
        lock (world.Gate)
        {
            if (snapshots.ContainsKey(id))
            {
                throw new AwsSimException(RdsErrors.SnapshotAlreadyExists,
                    $"Cannot create the snapshot because a snapshot with the identifier {id} already exists.");
            }

            var now = world.Time.GetUtcNow();
            var snapshot = new RdsSnapshot
            {
                Identifier = id,
                Arn = RdsNames.Arn(world, "snapshot", id),
                InstanceIdentifier = instance.Identifier,
                Engine = instance.Engine,
                EngineVersion = instance.EngineVersion,
                AllocatedStorage = instance.AllocatedStorage,
                Port = instance.Port,
                AvailabilityZone = instance.AvailabilityZone,
                VpcId = vpcId,
                MasterUsername = instance.MasterUsername,
                InstanceCreatedAt = instance.CreatedAt,
                CreatedAt = now,
                AvailableAt = now + world.Timing.Of(RdsDurations.Snapshot),
            };
            snapshots[id] = snapshot;
            world.Faults.NoteCreated(RdsNames.Service, id);
            return snapshot;
        }
    }

    /// <summary>True when a snapshot has this (lower-case) identifier.</summary>
    public bool Exists(string id)
    {
        lock (world.Gate)
        {
            return snapshots.ContainsKey(id);
        }
    }

    /// <summary>The named snapshot, or the visible ones (of an instance, of a type) sorted by identifier.</summary>
    public IReadOnlyList<RdsSnapshot> List(string? id, string? instanceId, string? type)
    {
        lock (world.Gate)
        {
            IEnumerable<RdsSnapshot> selected = id is not null
                ? [Find(id)]
                : snapshots.Values.Where(s => !world.Faults.IsHidden(RdsNames.Service, s.Identifier));
            if (instanceId is not null)
            {
                selected = selected.Where(s => s.InstanceIdentifier == instanceId.ToLowerInvariant());
            }

            if (type is not null)
            {
                selected = selected.Where(s => s.SnapshotType == type);
            }

            return [.. selected.OrderBy(s => s.Identifier, StringComparer.Ordinal)];
        }
    }

    /// <summary>Deletes an available snapshot (InvalidDBSnapshotState while it is being created).</summary>
    public RdsSnapshot Delete(string id)
    {
        lock (world.Gate)
        {
            var snapshot = Find(id);
            if (snapshot.StatusAt(world.Time.GetUtcNow()) != RdsStatus.Available)
            {
                throw new AwsSimException(RdsErrors.InvalidSnapshotState, "Cannot delete the snapshot because it is not in available state.");
            }

            snapshots.Remove(snapshot.Identifier);
            return snapshot;
        }
    }

    /// <summary>The snapshot; DBSnapshotNotFound (404) when it does not exist or is not visible yet.</summary>
    public RdsSnapshot Find(string identifier)
    {
        lock (world.Gate)
        {
            var id = identifier.ToLowerInvariant();
            return snapshots.TryGetValue(id, out var snapshot) && !world.Faults.IsHidden(RdsNames.Service, id)
                ? snapshot
                : throw RdsErrors.SnapshotMissing(identifier);
        }
    }

    /// <summary>Every snapshot (for the state dump; call under the gate).</summary>
    public IEnumerable<RdsSnapshot> All => snapshots.Values;
}
