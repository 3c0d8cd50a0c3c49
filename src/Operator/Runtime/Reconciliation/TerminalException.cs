namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// An error retrying cannot fix (invalid spec, a resource AWS refuses): the runtime sets Stalled=True with the message,
/// records a Warning event and does not retry until metadata.generation or a referenced Secret changes.
/// The message is shown to users: never put secrets in it.
/// </summary>
public sealed class TerminalException(string message, string? field = null, string reason = TerminalException.DefaultReason, Exception? inner = null)
    : Exception(message, inner)
{
    public const string DefaultReason = "TerminalError";

    /// <summary>The spec field at fault (for example <c>spec.capacity.min</c>), when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>CamelCase reason for the Stalled condition and the event.</summary>
    public string Reason { get; } = reason;

    /// <summary>What users see: the field, then the message.</summary>
    public string UserMessage => Field is null ? Message : $"{Field}: {Message}";
}
