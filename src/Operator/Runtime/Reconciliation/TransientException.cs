namespace Ebops.Operator.Runtime.Reconciliation;

/// <summary>
/// A fault worth retrying (throttling, a dependency not ready). Any exception other than <see cref="TerminalException"/>
/// is treated the same way; this type only makes the intent explicit. The message is logged: never put secrets in it.
/// </summary>
public sealed class TransientException(string message, Exception? inner = null) : Exception(message, inner);
