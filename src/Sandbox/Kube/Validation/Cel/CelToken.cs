namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>A token; <see cref="Text"/> is the operator, the identifier, or the decoded string literal.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, int Position);
