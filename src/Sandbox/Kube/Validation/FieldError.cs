namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// One validation failure, as kube-apiserver reports it in a 422 Status: <see cref="Field"/> is the field path
/// (<c>spec.subnets[0].allocationId</c>, map entries as <c>spec.env[KEY]</c>), <see cref="Reason"/> the StatusCause
/// type (<see cref="FieldErrorReasons"/>), <see cref="Message"/> the whole message (<c>field: body</c>) as the
/// apiserver prints it in the Status message.
/// </summary>
public sealed record FieldError(string Field, string Reason, string Message)
{
    /// <summary>The message without the leading <c>field: </c>: what kube-apiserver puts in <c>details.causes[].message</c>.</summary>
    public string Body => Field.Length > 0 && Message.StartsWith(Field + ": ", StringComparison.Ordinal) ? Message[(Field.Length + 2)..] : Message;
}
