using System.Collections.Concurrent;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>What one runtime's controller did (one per runtime, so two replicas can be told apart).</summary>
public sealed class ReconcileLog
{
    public ConcurrentQueue<(string Name, long Generation)> Reconciled { get; } = new();

    public ConcurrentQueue<string> Finalized { get; } = new();
}
