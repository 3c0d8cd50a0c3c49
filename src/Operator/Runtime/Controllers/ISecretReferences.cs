using Ebops.Operator.Entities;

namespace Ebops.Operator.Runtime.Controllers;

/// <summary>
/// Implemented by a controller whose objects reference Secrets: when one of the named Secrets changes, the object is
/// reconciled again, even when it is stalled on a terminal error.
/// </summary>
public interface ISecretReferences<in T>
    where T : ICustomResource
{
    /// <summary>Names of the Secrets, in the object's own namespace, that the object references.</summary>
    IEnumerable<string> GetReferencedSecrets(T entity);
}
