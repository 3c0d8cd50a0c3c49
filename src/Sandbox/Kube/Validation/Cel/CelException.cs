namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// A CEL expression that does not parse (<see cref="Position"/> is the offset of the offending text), or an
/// evaluation error (no such key, no such overload, ...; position -1).
/// </summary>
public sealed class CelException(string message, int position = -1) : Exception(message)
{
    public int Position { get; } = position;
}
