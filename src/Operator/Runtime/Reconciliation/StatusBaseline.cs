using System.Text.Json.Nodes;

namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// The status as last read or written during one reconcile: the runtime writes status only when it differs from this,
/// and moves it forward when a checkpoint writes in the middle of the reconcile.
/// </summary>
internal sealed class StatusBaseline(JsonNode? value)
{
    public JsonNode? Value { get; set; } = value;
}
