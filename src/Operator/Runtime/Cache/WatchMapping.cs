namespace Ebops.Operator.Runtime.Cache;

/// <summary>
/// Re-queues objects of <paramref name="TargetKind"/> when an object of <paramref name="SourceKind"/> changes and
/// names them, like controller-runtime's <c>Watches(source, EnqueueRequestsFromMapFunc(...))</c>. It is the reverse of
/// <see cref="IReferences{T}"/>, for references held by the other side: a BlueGreenRelease names its BeanstalkApp, and
/// the app cannot list, at its last reconcile, a release created after it. <paramref name="Map"/> gets the changed
/// object's key and returns the names of the objects to re-queue in the same namespace (none when the object is gone).
/// </summary>
internal sealed record WatchMapping(string SourceKind, string TargetGroup, string TargetKind, Func<ResourceKey, IEnumerable<string>> Map);
