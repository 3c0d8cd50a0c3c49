using Ebops.Operator.Runtime;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Tests.Runtime.Reconciliation;

/// <summary>An <see cref="IDependent"/> of one kind that records the keys it was told about.</summary>
internal sealed class RecordingDependent(string kind) : IDependent
{
    public string Kind => kind;

    public List<ResourceKey> Notified { get; } = [];

    public void OnDependencyChanged(ResourceKey key) => Notified.Add(key);
}
