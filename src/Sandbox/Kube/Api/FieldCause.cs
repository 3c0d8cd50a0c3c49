namespace Ebops.Sandbox.Kube.Api;

/// <summary>One field error: <c>field: body</c> is how kube-apiserver prints it; the cause's message is the body alone.</summary>
internal sealed record FieldCause(string Field, string Reason, string Body)
{
    public override string ToString() => Field.Length == 0 ? Body : $"{Field}: {Body}";

    public static FieldCause Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldCause InvalidValue(string field, string renderedValue, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {renderedValue}: {detail}");

    public static FieldCause Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");
}
