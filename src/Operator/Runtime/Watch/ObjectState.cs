using k8s.Models;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>What the watcher remembers per object: enough to filter events and to notice deletions across a re-list.</summary>
internal sealed record ObjectState(long? Generation, bool Deleting, int FinalizersHash, bool HasOwnFinalizer, int AnnotationsHash, string? ResourceVersion)
{
    public static ObjectState Of(V1ObjectMeta meta, string? annotationPrefix, string? ownFinalizer)
    {
        var finalizers = new HashCode();
        foreach (var finalizer in meta.Finalizers ?? [])
        {
            finalizers.Add(finalizer, StringComparer.Ordinal);
        }

        var annotations = 0;
        if (annotationPrefix is not null && meta.Annotations is not null)
        {
            var hash = new HashCode();
            foreach (var (key, value) in meta.Annotations.Where(a => a.Key.StartsWith(annotationPrefix, StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                hash.Add(key, StringComparer.Ordinal);
                hash.Add(value, StringComparer.Ordinal);
            }

            annotations = hash.ToHashCode();
        }

        var hasOwn = ownFinalizer is not null && meta.Finalizers?.Contains(ownFinalizer) == true;
        return new ObjectState(meta.Generation, meta.DeletionTimestamp is not null, finalizers.ToHashCode(), hasOwn, annotations, meta.ResourceVersion);
    }

    /// <summary>True when a change from <paramref name="previous"/> to this state deserves a reconcile.</summary>
    public bool Matters(ObjectState? previous, bool filterByGeneration)
    {
        if (previous is null)
        {
            return true;
        }

        if (!filterByGeneration)
        {
            return previous.ResourceVersion != ResourceVersion;
        }

        // Finalizer changes matter while the object is being deleted, or when our own finalizer was taken off (it must
        // go back on); our own finalizer being added (the runtime's own write) does not need another reconcile.
        var finalizersMatter = previous.FinalizersHash != FinalizersHash && (Deleting || (previous.HasOwnFinalizer && !HasOwnFinalizer));
        return previous.Generation != Generation
            || previous.Deleting != Deleting
            || finalizersMatter
            || previous.AnnotationsHash != AnnotationsHash;
    }
}
