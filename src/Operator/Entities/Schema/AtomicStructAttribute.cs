namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// <c>x-kubernetes-map-type: atomic</c> on an object type: server-side apply replaces it as a whole, as Kubernetes
/// does for object references (a name from one field manager and a key from another would name nothing).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AtomicStructAttribute : Attribute;
