using Ebops.Operator.Resources;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>What one reconcile of an NlbFrontend found and did, for its conditions and events.</summary>
internal sealed class NlbPass(Entities.NlbFrontend entity, ObjectPolicy policy, ResourceOwner owner, ReadMode mode)
{
    /// <summary>The spec changed since the last reconcile: differences are updates, not drift.</summary>
    public bool SpecChanged => Entity.Status?.ObservedGeneration != Entity.Metadata.Generation;

    public Entities.NlbFrontend Entity { get; } = entity;

    public ObjectPolicy Policy { get; } = policy;

    public ResourceOwner Owner { get; } = owner;

    /// <summary>Cached for a steady object, Live otherwise.</summary>
    public ReadMode Mode { get; } = mode;

    /// <summary>Spec fields AWS differed on and ebops corrected.</summary>
    public List<string> Corrected { get; } = [];

    /// <summary>While paused: spec fields AWS differs on (not corrected).</summary>
    public List<string> Differs { get; } = [];

    /// <summary>While paused: objects that do not exist (not created).</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Differences that cannot be changed on the existing objects, as messages naming the field.</summary>
    public List<string> Fixed { get; } = [];

    /// <summary>Set when the listener forwards somewhere other than ebops (a release) set it: reported, never reverted.</summary>
    public string? ListenerDrift { get; set; }

    /// <summary>What AWS is still doing (provisioning), when anything.</summary>
    public string? Waiting { get; set; }
}
