using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The RDS stores of one world, built once and shared by every operations class of <see cref="RdsHandler"/>. Stores
/// take <see cref="SimWorld.Gate"/> themselves; operations render the objects a store returned inside
/// <see cref="Read{T}"/>, so a concurrent request never changes them mid-render.
/// </summary>
internal sealed class RdsStores
{
    private RdsStores(SimWorld world)
    {
        World = world;
        Table = new RdsInstanceTable(world);
        ParameterGroups = new RdsParameterGroupStore(world, Table);
        SubnetGroups = new RdsSubnetGroupStore(world, Table);
        Snapshots = new RdsSnapshotStore(world);
        Instances = new RdsInstanceStore(world, Table, ParameterGroups, SubnetGroups, Snapshots);
        Tags = new RdsTagStore(world, Instances, ParameterGroups, SubnetGroups, Snapshots);
    }

    public SimWorld World { get; }

    public RdsInstanceTable Table { get; }

    public RdsInstanceStore Instances { get; }

    public RdsParameterGroupStore ParameterGroups { get; }

    public RdsSubnetGroupStore SubnetGroups { get; }

    public RdsSnapshotStore Snapshots { get; }

    public RdsTagStore Tags { get; }

    public static RdsStores Create(SimWorld world) => new(world);

    /// <summary>Runs <paramref name="render"/> under the gate with the world's current time.</summary>
    public T Read<T>(Func<DateTimeOffset, T> render)
    {
        lock (World.Gate)
        {
            return render(World.Time.GetUtcNow());
        }
    }
}
