using k8s.Models;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>
/// Which changes of an object deserve a reconcile (KubeOps' generation filter): a new or deleted object, a new
/// metadata.generation, deletionTimestamp set, finalizers changed while deleting or our own finalizer taken off (it
/// must go back on), or an annotation under the prefix changed. Status writes (ours included) do not.
/// </summary>
public sealed record ChangeFilter(string? OwnFinalizer, string? AnnotationPrefix = "ebops.io/")
{
    public bool Matters(V1ObjectMeta? previous, V1ObjectMeta? current)
    {
        if (previous is null || current is null)
        {
            return true;
        }

        var deleting = current.DeletionTimestamp is not null;
        var finalizersChanged = !(previous.Finalizers ?? []).SequenceEqual(current.Finalizers ?? [], StringComparer.Ordinal);
        var ownRemoved = OwnFinalizer is not null && previous.Finalizers?.Contains(OwnFinalizer) == true && current.Finalizers?.Contains(OwnFinalizer) != true;
        return previous.Generation != current.Generation
            || (previous.DeletionTimestamp is not null) != deleting
            || (finalizersChanged && (deleting || ownRemoved))
            || !Annotations(previous).SequenceEqual(Annotations(current));
    }

    private IEnumerable<KeyValuePair<string, string>> Annotations(V1ObjectMeta meta) =>
        AnnotationPrefix is null || meta.Annotations is null
            ? []
            : meta.Annotations.Where(a => a.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal)).OrderBy(a => a.Key, StringComparer.Ordinal);
}
