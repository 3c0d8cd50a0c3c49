using Ebops.Operator.Runtime.Cache;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Who depends on what. Controllers refresh an object's references on every reconcile; every informer reports each
/// created, changed or deleted object, which re-queues the objects that reference it and, like controller-runtime's
/// Owns(), the owner named in its ownerReferences when that owner's kind has a controller, and the objects it references
/// that asked to hear from their referrers of its kind (<see cref="ReferencedObject.ReferrersOf"/>).
/// </summary>
internal sealed class DependencyIndex
{
    private readonly object gate = new();
    private readonly Dictionary<(string Kind, ResourceKey Target), HashSet<(IDependent Owner, ResourceKey Key)>> byTarget = [];
    private readonly Dictionary<(IDependent Owner, ResourceKey Key), (string Kind, ResourceKey Target)[]> byObject = [];
    private readonly Dictionary<(string Group, string Kind), IDependent> controllers = [];
    private readonly Dictionary<(string Kind, ResourceKey Key), string[]> referrerKinds = [];

    /// <summary>Listens to every informer (call before they run).</summary>
    public void Attach(InformerRegistry informers)
    {
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
        var all = references.ToList();
        var referrers = all.Where(r => r.Name == ReferencedObject.AnyReferrer).Select(r => r.Kind).Distinct(StringComparer.Ordinal).ToArray();
        var targets = all.Where(r => !string.IsNullOrEmpty(r.Name) && r.Name != ReferencedObject.AnyReferrer).Select(r => (r.Kind, new ResourceKey(key.Namespace, r.Name))).Distinct().ToArray();
        lock (gate)
        {
            RemoveLocked(owner, key);
            if (referrers.Length > 0)
            {
                referrerKinds[(owner.Kind, key)] = referrers;
            }

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

            NotifyReferencedLocked(change, notify);
            foreach (var owner in change.Owners.Where(o => o.Controller == true).DistinctBy(o => (o.ApiVersion, o.Kind, o.Name)))
            {
                var group = owner.ApiVersion.Contains('/', StringComparison.Ordinal) ? owner.ApiVersion[..owner.ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
                if (controllers.TryGetValue((group, owner.Kind), out var controller))
                {
                    notify.Add((controller, new ResourceKey(change.Key.Namespace, owner.Name)));
                }
            }
        }

        foreach (var (owner, key) in notify)
        {
            owner.OnDependencyChanged(key);
        }
    }

    /// <summary>The objects the changed one references that asked to hear from referrers of its kind.</summary>
    private void NotifyReferencedLocked(VersionChange change, List<(IDependent Owner, ResourceKey Key)> notify)
    {
        foreach (var referrer in controllers.Values.Where(c => c.Kind == change.Kind))
        {
            foreach (var (kind, target) in byObject.GetValueOrDefault((referrer, change.Key)) ?? [])
            {
                if (referrerKinds.TryGetValue((kind, target), out var kinds) && kinds.Contains(change.Kind, StringComparer.Ordinal)
                    && controllers.Values.FirstOrDefault(c => c.Kind == kind) is { } controller)
                {
                    notify.Add((controller, target));
                }
            }
        }
    }

    private void RemoveLocked(IDependent owner, ResourceKey key)
    {
        referrerKinds.Remove((owner.Kind, key));
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
