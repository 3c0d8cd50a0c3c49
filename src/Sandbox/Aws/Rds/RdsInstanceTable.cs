using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The account's DB instances, shared by the stores whose rules look at them (a parameter group or subnet group in use).
/// Lifecycles are lazy: each instance holds a queue of timed statuses, and <see cref="Advance"/> runs every transition
/// due at the world's clock. Stores call it under <see cref="SimWorld.Gate"/> before they read, so advancing a
/// FakeTimeProvider changes what describes return and nothing runs in the background.
/// </summary>
internal sealed class RdsInstanceTable(SimWorld world)
{
    private readonly Dictionary<string, RdsInstance> instances = new(StringComparer.Ordinal);

    public IEnumerable<RdsInstance> All => instances.Values;

    public bool Contains(string id) => instances.ContainsKey(id);

    public void Add(RdsInstance instance) => instances[instance.Identifier] = instance;

    /// <summary>The instance with this (lower-case) identifier, or null.</summary>
    public RdsInstance? Get(string id) => instances.GetValueOrDefault(id);

    /// <summary>Instances that use the parameter group (not those being deleted when <paramref name="live"/>).</summary>
    public IEnumerable<RdsInstance> UsingParameterGroup(string name, bool live = false) =>
        instances.Values.Where(i => i.ParameterGroupName == name && (!live || i.Status != RdsStatus.Deleting));

    public IEnumerable<RdsInstance> UsingSubnetGroup(string name) => instances.Values.Where(i => i.SubnetGroupName == name);

    /// <summary>Runs every timed transition that is due at the world's current time (call under the gate).</summary>
    public void Advance()
    {
        var now = world.Time.GetUtcNow();
        foreach (var instance in instances.Values.ToList())
        {
            while (instance.Phases.Count > 0 && instance.Phases.Peek().Until <= now)
            {
                instance.Phases.Dequeue().OnComplete?.Invoke();
            }

            if (instance.Deleted)
            {
                instances.Remove(instance.Identifier);
            }
        }
    }
}
