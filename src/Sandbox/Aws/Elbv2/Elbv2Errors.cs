using Ebops.Sandbox.Aws.Core;
using E = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants.Errors;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>ELBv2's errors with the codes, HTTP statuses and message forms AWS uses.</summary>
internal static class Elbv2Errors
{
    public static AwsSimException Validation(string message) => new(E.ValidationError, message);

    public static AwsSimException LoadBalancerNotFound(string? what = null)
        => new(E.LoadBalancerNotFound, what is null ? "One or more load balancers not found" : $"Load balancers '[{what}]' not found");

    public static AwsSimException TargetGroupNotFound(string? what = null)
        => new(E.TargetGroupNotFound, what is null ? "One or more target groups not found" : $"Target groups '[{what}]' not found");

    public static AwsSimException ListenerNotFound(string? arn = null)
        => new(E.ListenerNotFound, arn is null ? "One or more listeners not found" : $"Listener '{arn}' not found");

    public static AwsSimException InvalidConfiguration(string message) => new(E.InvalidConfigurationRequest, message);

    public static AwsSimException ResourceInUse(string message) => new(E.ResourceInUse, message);
}
