namespace Ebops.Sandbox.Kube.Errors;

/// <summary>
/// One field error, as apimachinery's <c>field.Error</c> renders it: <see cref="Field"/> is the path
/// (<c>spec.subnets[0].allocationId</c>), <see cref="Reason"/> the StatusCause type (<see cref="FieldErrorReasons"/>),
/// <see cref="Message"/> what <c>Error()</c> prints (<c>field: body</c>). The factories build the body the way
/// <c>ErrorBody()</c> does: the type's words, the bad value (omitted for Required, Forbidden, TooLong and internal
/// errors), then the detail.
/// </summary>
public sealed record FieldError(string Field, string Reason, string Message)
{
    /// <summary>The message without the leading <c>field: </c>: what kube-apiserver puts in <c>details.causes[].message</c>.</summary>
    public string Body => Field.Length > 0 && Message.StartsWith(Field + ": ", StringComparison.Ordinal) ? Message[(Field.Length + 2)..] : Message;

    public override string ToString() => Message;

    /// <summary>An error from its parts; <paramref name="body"/> is <c>ErrorBody()</c>.</summary>
    public static FieldError Of(string field, string reason, string body) => new(field, reason, field.Length == 0 ? body : $"{field}: {body}");

    public static FieldError Required(string field, string detail = "") =>
        Of(field, FieldErrorReasons.Required, WithDetail("Required value", detail));

    /// <summary>An Invalid error; the value as Go's fmt prints it (<see cref="GoFormat"/>).</summary>
    public static FieldError Invalid(string field, string value, string detail) =>
        Of(field, FieldErrorReasons.Invalid, WithDetail($"Invalid value: {value}", detail));

    /// <summary>An Invalid error without its value (apimachinery's <c>OmitValueType</c>).</summary>
    public static FieldError InvalidOmitted(string field, string detail) =>
        Of(field, FieldErrorReasons.Invalid, WithDetail("Invalid value", detail));

    public static FieldError TypeInvalid(string field, string value, string detail) =>
        Of(field, FieldErrorReasons.TypeInvalid, WithDetail($"Invalid value: {value}", detail));

    /// <summary><c>Unsupported value: "x": supported values: "a", "b"</c>; the supported values are Go-quoted.</summary>
    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported)
    {
        var list = supported.Select(GoFormat.Quote).ToList();
        return Of(field, FieldErrorReasons.NotSupported, WithDetail($"Unsupported value: {value}", list.Count == 0 ? "" : "supported values: " + string.Join(", ", list)));
    }

    public static FieldError Forbidden(string field, string detail) =>
        Of(field, FieldErrorReasons.Forbidden, WithDetail("Forbidden", detail));

    /// <summary><c>Too long: may not be more than 63 bytes</c> (the value is never shown).</summary>
    public static FieldError TooLong(string field, long maxLength) =>
        Of(field, FieldErrorReasons.TooLong, WithDetail("Too long", maxLength >= 0 ? $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}" : "value is too long"));

    /// <summary><c>Too many: 5: must have at most 4 items</c>.</summary>
    public static FieldError TooMany(string field, long actual, long max)
    {
        var detail = max >= 0 ? $"must have at most {max} {(max == 1 ? "item" : "items")}" : "has too many items";
        return Of(field, FieldErrorReasons.TooMany, WithDetail(actual >= 0 ? $"Too many: {actual}" : "Too many", detail));
    }

    public static FieldError Duplicate(string field, string value) =>
        Of(field, FieldErrorReasons.Duplicate, $"Duplicate value: {value}");

    public static FieldError Internal(string field, string detail) =>
        Of(field, FieldErrorReasons.Internal, WithDetail("Internal error", detail));

    private static string WithDetail(string head, string detail) => detail.Length == 0 ? head : $"{head}: {detail}";
}
