namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>A compile error at an offset of the expression source.</summary>
internal sealed record CelIssue(string Message, int Position);
