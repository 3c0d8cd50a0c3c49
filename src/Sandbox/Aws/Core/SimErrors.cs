namespace Ebops.Sandbox.Aws.Core;

/// <summary>Errors every service raises in the same way (codes as AWS spells them).</summary>
public static class SimErrors
{
    public const string InvalidAction = "InvalidAction";
    public const string MissingParameter = "MissingParameter";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidParameterCombination = "InvalidParameterCombination";

    /// <summary>An action the service does not implement (or does not have at this API version); for S3, a request
    /// that names an operation the simulator does not implement (S3's <c>NotImplemented</c>, 501).</summary>
    public static AwsSimException UnknownAction(SimRequest request)
    {
        var info = SimServiceInfo.For(request.Service);
        return info.Protocol switch
        {
            SimProtocol.Ec2 => new AwsSimException(InvalidAction, $"The action {request.Action} is not valid for this web service."),
            SimProtocol.RestXml => new AwsSimException("NotImplemented", "A header you provided implies functionality that is not implemented", 501),
            _ => new AwsSimException(InvalidAction, $"Could not find operation {request.Action} for version {info.ApiVersion}"),
        };
    }

    /// <summary>A required parameter is absent.</summary>
    public static AwsSimException Missing(string name) =>
        new(MissingParameter, $"The request must contain the parameter {name}");

    /// <summary>A parameter has a value the service rejects.</summary>
    public static AwsSimException Invalid(string message) => new(InvalidParameterValue, message);
}
