using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Front;

/// <summary>The error codes and HTTP statuses each protocol uses for authentication failures and injected faults.</summary>
internal static class ProtocolErrors
{
    public static AwsSimException ForAuth(SimProtocol protocol, SigV4Result result) => (protocol, result.Failure) switch
    {
        (SimProtocol.RestXml, SigV4Failure.Missing) => new("AccessDenied", "Access Denied", 403),
        (SimProtocol.RestXml, SigV4Failure.Malformed) => new("AuthorizationHeaderMalformed", result.Message, 400),
        (SimProtocol.RestXml, SigV4Failure.UnknownKey) => new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
        (SimProtocol.RestXml, SigV4Failure.Expired) when result.Message == "Request has expired" => new("AccessDenied", result.Message, 403),
        (SimProtocol.RestXml, SigV4Failure.Expired) => new("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403),
        (SimProtocol.RestXml, SigV4Failure.PayloadHashMismatch) => new("XAmzContentSHA256Mismatch", result.Message, 400),
        (SimProtocol.Ec2, SigV4Failure.Missing or SigV4Failure.UnknownKey) => new("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        (SimProtocol.Ec2, SigV4Failure.Expired) => new("RequestExpired", "Request has expired.", 400),
        (_, SigV4Failure.Missing) => new("MissingAuthenticationToken", result.Message, 403),
        (_, SigV4Failure.Malformed) => new("IncompleteSignature", result.Message, 400),
        (_, SigV4Failure.UnknownKey) => new("InvalidClientTokenId", result.Message, 403),
        _ => new("SignatureDoesNotMatch", result.Message, 403),
    };

    /// <summary>A call an API rate limit refused: the same codes as an injected throttling fault.</summary>
    public static AwsSimException ForRateLimit(SimProtocol protocol) => ForFault(protocol, FaultRule.Throttle(null));

    public static AwsSimException ForFault(SimProtocol protocol, FaultRule rule)
    {
        var (code, message, status) = (protocol, rule.Kind) switch
        {
            (SimProtocol.Ec2, FaultKind.Throttle) => ("RequestLimitExceeded", "Request limit exceeded.", 503),
            (SimProtocol.Ec2, FaultKind.ServerError) => ("InternalError", "An internal error has occurred", 500),
            (SimProtocol.Ec2, _) => ("Unavailable", "The server is overloaded and can't handle the request.", 503),
            (SimProtocol.RestXml, FaultKind.Throttle) => ("SlowDown", "Please reduce your request rate.", 503),
            (SimProtocol.RestXml, FaultKind.ServerError) => ("InternalError", "We encountered an internal error. Please try again.", 500),
            (SimProtocol.RestXml, _) => ("ServiceUnavailable", "Service is unable to handle request.", 503),
            (_, FaultKind.Throttle) => ("Throttling", "Rate exceeded", 400),
            (_, FaultKind.ServerError) => ("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500),
            _ => ("ServiceUnavailable", "Service is unavailable", 503),
        };
        var finalStatus = rule.StatusCode ?? status;
        return new AwsSimException(rule.Code ?? code, message, finalStatus, senderFault: finalStatus < 500);
    }
}
