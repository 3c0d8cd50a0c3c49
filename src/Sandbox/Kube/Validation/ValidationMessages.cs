namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// The Status messages kube-apiserver builds from validation results, so that an emulator's errors read like a real
/// cluster's (kubectl prints them to users).
/// </summary>
public static class ValidationMessages
{
    /// <summary>
    /// The message of a 422 Invalid Status: <c>BeanstalkApp.ebops.io "myapp" is invalid: spec.x: ...</c>, with several
    /// errors in brackets separated by ", " (apimachinery's aggregate).
    /// </summary>
    public static string Invalid(string kind, string group, string name, IReadOnlyList<FieldError> errors)
    {
        var qualified = string.IsNullOrEmpty(group) ? kind : kind + "." + group;
        var body = errors.Count == 1 ? errors[0].Message : "[" + string.Join(", ", errors.Select(e => e.Message)) + "]";
        return $"{qualified} \"{name}\" is invalid: {body}";
    }

    /// <summary>
    /// The message of the 400 BadRequest for unknown fields under <c>fieldValidation=Strict</c>:
    /// <c>BeanstalkApp in version "v1alpha1" cannot be handled as a BeanstalkApp: strict decoding error: unknown field "spec.x"</c>.
    /// </summary>
    public static string StrictUnknownFields(string kind, string version, IReadOnlyList<string> paths) =>
        $"{kind} in version \"{version}\" cannot be handled as a {kind}: strict decoding error: "
        + string.Join(", ", paths.Select(p => $"unknown field \"{p}\""));
}
