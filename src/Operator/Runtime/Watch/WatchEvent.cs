using k8s;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>One watch event. For <see cref="WatchEventType.Bookmark"/> only metadata.resourceVersion is meaningful.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object);
