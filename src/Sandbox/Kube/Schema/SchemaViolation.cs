namespace Ebops.Sandbox.Kube.Schema;

/// <summary>
/// One violation: <paramref name="Field"/> like <c>spec.capacity.min</c>, <paramref name="Reason"/> a StatusCause type
/// (FieldValueInvalid, FieldValueRequired, ...), <paramref name="Message"/> as kube-apiserver prints the cause (with or
/// without the leading <c>field: </c>).
/// </summary>
internal sealed record SchemaViolation(string Field, string Reason, string Message);
