namespace Ebops.Sandbox.Kube.Storage;

/// <summary>
/// One change in the global event log. <see cref="Previous"/> lets a filtered watch turn a change that leaves (enters)
/// its selector into DELETED (ADDED), like kube-apiserver's watch cache. Bookmarks carry no object.
/// </summary>
internal sealed record WatchEvent(string Type, long ResourceVersion, string StorageKey, StoredObject? Object, StoredObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";

    /// <summary>True on the bookmark that ends <c>sendInitialEvents</c>.</summary>
    public bool InitialEventsEnd { get; init; }
}
