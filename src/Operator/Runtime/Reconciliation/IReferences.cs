using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// Implemented by a controller whose objects read other objects (a Secret, another ebops kind). Whenever one of them
/// is created, changes (any resourceVersion, status included) or is deleted, the referencing object is reconciled
/// again, even when it is stalled on a terminal error. Every referenced kind must be cached (Secrets always are;
/// another kind through <c>AddController</c> or <c>AddResourceCache</c>).
/// </summary>
public interface IReferences<in T>
    where T : ICustomResource
{
    /// <summary>The objects, in the entity's own namespace, it references now (called on every reconcile).</summary>
    IEnumerable<ReferencedObject> GetReferences(T entity);
}
