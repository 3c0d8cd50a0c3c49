namespace Ebops.Operator.Runtime.Queue;

/// <summary>A key handed to a worker, with how long it waited in the queue. The worker must call Done(Key).</summary>
public sealed record WorkItem<TKey>(TKey Key, TimeSpan Waited);
