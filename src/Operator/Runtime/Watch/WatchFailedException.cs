namespace Ebops.Operator.Runtime.Watch;

/// <summary>A watch ended with an ERROR event other than 410; the watcher backs off and resumes.</summary>
public sealed class WatchFailedException(string message, Exception? inner = null) : Exception(message, inner);
