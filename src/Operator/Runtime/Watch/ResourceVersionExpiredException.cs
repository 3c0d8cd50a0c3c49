namespace Ebops.Operator.Runtime.Watch;

/// <summary>The server no longer has the requested resourceVersion (410 Gone): the watcher must re-list.</summary>
public sealed class ResourceVersionExpiredException(string message, Exception? inner = null) : Exception(message, inner);
