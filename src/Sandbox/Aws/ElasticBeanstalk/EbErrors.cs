using Ebops.Sandbox.Aws.Core;
using E = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants.Errors;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>EB's errors: mostly InvalidParameterValue with a specific message, as the real service answers.</summary>
internal static class EbErrors
{
    public static AwsSimException Invalid(string message) => new(E.InvalidParameterValue, message);

    public static AwsSimException Missing(string name) => new(E.MissingParameter, $"The request must contain the parameter {name}");

    public static AwsSimException NoApplication(string name) => Invalid($"No Application named '{name}' found.");

    public static AwsSimException NoVersion(string label) => Invalid($"No Application Version named '{label}' found.");

    public static AwsSimException NoEnvironment(string? name, string? id)
        => Invalid(name is not null ? $"No Environment found for EnvironmentName = '{name}'." : $"No Environment found for EnvironmentId = '{id}'.");

    public static AwsSimException NotReady(string name) => Invalid($"Environment named {name} is in an invalid state for this operation. Must be Ready.");
}
