namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>A CEL expression that does not parse, or an evaluation error (no such key, type mismatch, ...).</summary>
public sealed class CelException(string message) : Exception(message);
