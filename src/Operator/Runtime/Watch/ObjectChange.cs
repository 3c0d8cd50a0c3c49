namespace Ebops.Operator.Runtime.Watch;

/// <summary>
/// What a <see cref="ResourceWatcher{T}"/> saw for one key: the object before (null when it was unknown) and after
/// (null when it was deleted). <paramref name="FromList"/> is true when the change was found by a (re-)list rather than
/// a watch event, so intermediate versions may have been skipped.
/// </summary>
public sealed record ObjectChange<T>(ResourceKey Key, T? Previous, T? Current, bool FromList)
    where T : class;
