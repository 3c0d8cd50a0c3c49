namespace Ebops.Sandbox.Kube.Errors;

/// <summary>
/// The Status messages kube-apiserver builds from validation results, so that an emulator's errors read like a real
/// cluster's (kubectl prints them to users).
/// </summary>
public static class ValidationMessages
{
    /// <summary>
    /// The message of a 422 Invalid Status: <c>BeanstalkApp.ebops.io "myapp" is invalid: spec.x: ...</c>. Like
    /// apimachinery's <c>ErrorList.ToAggregate()</c>, repeated messages are dropped and several are joined in brackets
    /// with ", ".
    /// </summary>
    public static string Invalid(string kind, string group, string name, IReadOnlyList<FieldError> errors)
    {
        var qualified = string.IsNullOrEmpty(group) ? kind : kind + "." + group;
        return Invalid(qualified, name, errors);
    }

    /// <summary>As above, with the qualified kind (<c>CustomResourceDefinition.apiextensions.k8s.io</c>) given.</summary>
    public static string Invalid(string qualifiedKind, string name, IReadOnlyList<FieldError> errors)
    {
        var messages = errors.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count switch
        {
            0 => $"{qualifiedKind} \"{name}\" is invalid",
            1 => $"{qualifiedKind} \"{name}\" is invalid: {messages[0]}",
            _ => $"{qualifiedKind} \"{name}\" is invalid: [{string.Join(", ", messages)}]",
        };
    }

    /// <summary>
    /// The message of the 400 BadRequest for unknown fields under <c>fieldValidation=Strict</c>:
    /// <c>BeanstalkApp in version "v1alpha1" cannot be handled as a BeanstalkApp: strict decoding error: unknown field "spec.x"</c>.
    /// </summary>
    public static string StrictUnknownFields(string kind, string version, IReadOnlyList<string> paths) =>
        $"{kind} in version \"{version}\" cannot be handled as a {kind}: strict decoding error: "
        + string.Join(", ", paths.Select(p => $"unknown field \"{p}\""));
}
