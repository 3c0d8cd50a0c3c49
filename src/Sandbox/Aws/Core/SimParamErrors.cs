namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// How a service reports a missing or malformed Query parameter. EC2 and RDS answer with <c>MissingParameter</c> /
/// <c>InvalidParameterValue</c> (<see cref="Default"/>); Elastic Beanstalk and ELBv2 answer with their own validation
/// errors in the "Value ... failed to satisfy constraint" wording (<see cref="Validation"/>).
/// </summary>
/// <param name="missing">(full parameter name, name relative to the structure being read) → error.</param>
/// <param name="invalid">(full name, relative name, value sent, expected kind: integer/boolean/timestamp) → error.</param>
public sealed class SimParamErrors(
    Func<string, string, AwsSimException> missing,
    Func<string, string, string, string, AwsSimException> invalid)
{
    /// <summary><c>MissingParameter</c> and <c>InvalidParameterValue</c> (EC2, RDS).</summary>
    public static SimParamErrors Default { get; } = new(
        (fullName, _) => SimErrors.Missing(fullName),
        (fullName, _, value, kind) => SimErrors.Invalid($"Invalid value '{value}' for {fullName}: not {Article(kind)} {kind}"));

    /// <summary>
    /// The validation wording of Elastic Beanstalk and ELBv2; <paramref name="missing"/> and <paramref name="invalid"/>
    /// turn (full parameter name, message) into the service's own error.
    /// </summary>
    public static SimParamErrors Validation(
        Func<string, string, AwsSimException> missing,
        Func<string, string, AwsSimException> invalid) => new(
        (fullName, name) => missing(fullName, $"1 validation error detected: Value null at '{Camel(name)}' failed to satisfy constraint: Member must not be null"),
        (fullName, name, value, kind) => invalid(fullName, $"Value '{value}' at '{Camel(name)}' failed to satisfy constraint: Member must be a {(kind == "integer" ? "number" : kind)}"));

    public AwsSimException Missing(string fullName, string name) => missing(fullName, name);

    public AwsSimException Invalid(string fullName, string name, string value, string kind) => invalid(fullName, name, value, kind);

    private static string Article(string kind) => kind.Length > 0 && "aeiou".Contains(kind[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
