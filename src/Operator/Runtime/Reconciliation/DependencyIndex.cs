using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Who depends on what. Controllers refresh an object's references on every reconcile; every informer reports each
/// created, changed or deleted object, which re-queues the objects that reference it and, like controller-runtime's
/// Owns(), the owner named in its ownerReferences when that owner's kind has a controller, and, like its Watches()
/// with a map function, the objects a <see cref="WatchMapping"/> names.
/// </summary>
internal sealed class DependencyIndex
{
    private readonly object gate = new();
    private readonly Dictionary<(string Kind, ResourceKey Target), HashSet<(IDependent Owner, ResourceKey Key)>> byTarget = [];
    private readonly Dictionary<(IDependent Owner, ResourceKey Key), (string Kind, ResourceKey Target)[]> byObject = [];
    private readonly Dictionary<(string Group, string Kind), IDependent> controllers = [];
    private readonly List<WatchMapping> mappings = [];

    /// <summary>Listens to every informer (call before they run), with the <paramref name="watches"/> registered.</summary>
    public void Attach(InformerRegistry informers, IEnumerable<WatchMapping>? watches = null)
    {
        lock (gate)
        {
            mappings.AddRange(watches ?? []);
        }

        foreach (var informer in informers.All)
        {
            informer.Subscribe(Changed);
        }
    }

    /// <summary>Makes <paramref name="controller"/> the one re-queued when an object owned by a <paramref name="kind"/> changes.</summary>
    public void RegisterController(string group, string kind, IDependent controller)
    {
        lock (gate)
        {
            controllers[(group, kind)] = controller;
        }
    }

    public void Set(IDependent owner, ResourceKey key, IEnumerable<ReferencedObject> references)
    {
        var targets = references.Where(r => !string.IsNullOrEmpty(r.Name)).Select(r => (r.Kind, new ResourceKey(key.Namespace, r.Name))).Distinct().ToArray();
        lock (gate)
        {
            RemoveLocked(owner, key);
            if (targets.Length == 0)
            {
                return;
            }

            byObject[(owner, key)] = targets;
            foreach (var target in targets)
            {
                if (!byTarget.TryGetValue(target, out var dependents))
                {
                    dependents = [];
                    byTarget[target] = dependents;
                }

                dependents.Add((owner, key));
            }
        }
    }

    public void Remove(IDependent owner, ResourceKey key)
    {
        lock (gate)
        {
            RemoveLocked(owner, key);
        }
    }

    /// <summary>The objects that reference <paramref name="target"/> of <paramref name="kind"/>.</summary>
    public IReadOnlyList<ResourceKey> DependentsOf(string kind, ResourceKey target)
    {
        lock (gate)
        {
            return byTarget.TryGetValue((kind, target), out var dependents) ? [.. dependents.Select(d => d.Key)] : [];
        }
    }

    /// <summary>Re-queues the dependents and controlling owners of the changed object.</summary>
    public void Changed(VersionChange change)
    {
        var notify = new List<(IDependent Owner, ResourceKey Key)>();
        lock (gate)
        {
            if (byTarget.TryGetValue((change.Kind, change.Key), out var dependents))
            {
                notify.AddRange(dependents);
            }

            foreach (var owner in change.Owners.Where(o => o.Controller == true).DistinctBy(o => (o.ApiVersion, o.Kind, o.Name)))
            {
                var group = owner.ApiVersion.Contains('/', StringComparison.Ordinal) ? owner.ApiVersion[..owner.ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
                if (controllers.TryGetValue((group, owner.Kind), out var controller))
                {
                    notify.Add((controller, new ResourceKey(change.Key.Namespace, owner.Name)));
                }
            }

            foreach (var mapping in mappings.Where(m => m.SourceKind == change.Kind))
            {
                if (controllers.TryGetValue((mapping.TargetGroup, mapping.TargetKind), out var controller))
                {
                    notify.AddRange(mapping.Map(change.Key).Select(name => (controller, new ResourceKey(change.Key.Namespace, name))));
                }
            }
        }

        foreach (var (owner, key) in notify)
        {
            owner.OnDependencyChanged(key);
        }
    }

    private void RemoveLocked(IDependent owner, ResourceKey key)
    {
        if (!byObject.Remove((owner, key), out var old))
        {
            return;
        }

        foreach (var target in old)
        {
            if (byTarget.TryGetValue(target, out var dependents) && dependents.Remove((owner, key)) && dependents.Count == 0)
            {
                byTarget.Remove(target);
            }
        }
    }
}
