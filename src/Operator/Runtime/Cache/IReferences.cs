using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// Implemented by a controller whose objects depend on other objects (Secrets, or objects of other registered kinds):
/// whenever one of them is created, changes (status included) or is deleted, the dependent object is reconciled
/// again, even when it is stalled on a terminal error, so fixing a reference recovers without a restart.
/// </summary>
public interface IReferences<in T>
    where T : ICustomResource
{
    /// <summary>The objects <paramref name="entity"/> depends on, in its own namespace.</summary>
    IEnumerable<ReferencedObject> GetReferences(T entity);
}
