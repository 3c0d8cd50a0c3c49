namespace Ebops.Operator.Aws.Core;

/// <summary>Error codes every AWS service uses, and the classification shared by the per-service tables.</summary>
public static class AwsErrors
{
    // Throttling codes, as the SDKs' standard retry mode lists them.
    public const string Throttling = "Throttling";
    public const string ThrottlingException = "ThrottlingException";
    public const string ThrottledException = "ThrottledException";
    public const string RequestThrottledException = "RequestThrottledException";
    public const string TooManyRequestsException = "TooManyRequestsException";
    public const string ProvisionedThroughputExceededException = "ProvisionedThroughputExceededException";
    public const string TransactionInProgressException = "TransactionInProgressException";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string BandwidthLimitExceeded = "BandwidthLimitExceeded";
    public const string LimitExceededException = "LimitExceededException";
    public const string RequestThrottled = "RequestThrottled";
    public const string SlowDown = "SlowDown";
    public const string PriorRequestNotComplete = "PriorRequestNotComplete";
    public const string EC2ThrottledException = "EC2ThrottledException";

    // Transient, retried by the SDKs' standard mode.
    public const string RequestTimeout = "RequestTimeout";
    public const string RequestTimeoutException = "RequestTimeoutException";
    public const string InternalError = "InternalError";
    public const string InternalFailure = "InternalFailure";
    public const string ServiceUnavailable = "ServiceUnavailable";

    // Common terminal codes.
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidParameterCombination = "InvalidParameterCombination";
    public const string MissingParameter = "MissingParameter";
    public const string MissingAction = "MissingAction";
    public const string InvalidAction = "InvalidAction";
    public const string ValidationError = "ValidationError";
    public const string MalformedQueryString = "MalformedQueryString";
    public const string InvalidQueryParameter = "InvalidQueryParameter";
    public const string AccessDenied = "AccessDenied";
    public const string AccessDeniedException = "AccessDeniedException";
    public const string UnauthorizedOperation = "UnauthorizedOperation";
    public const string AuthFailure = "AuthFailure";
    public const string InvalidClientTokenId = "InvalidClientTokenId";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
    public const string IncompleteSignature = "IncompleteSignature";
    public const string ExpiredToken = "ExpiredToken";
    public const string OptInRequired = "OptInRequired";

    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        Throttling, ThrottlingException, ThrottledException, RequestThrottledException, TooManyRequestsException,
        ProvisionedThroughputExceededException, TransactionInProgressException, RequestLimitExceeded,
        BandwidthLimitExceeded, LimitExceededException, RequestThrottled, SlowDown, PriorRequestNotComplete,
        EC2ThrottledException,
    };

    public static readonly IReadOnlySet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestTimeout, RequestTimeoutException, InternalError, InternalFailure, ServiceUnavailable,
    };

    public static readonly IReadOnlySet<string> InvalidParameterCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        InvalidParameterValue, InvalidParameterCombination, MissingParameter, MissingAction, InvalidAction,
        ValidationError, MalformedQueryString, InvalidQueryParameter, OptInRequired,
    };

    public static readonly IReadOnlySet<string> AccessDeniedCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        AccessDenied, AccessDeniedException, UnauthorizedOperation, AuthFailure, InvalidClientTokenId,
        SignatureDoesNotMatch, IncompleteSignature, ExpiredToken,
    };

    /// <summary>The classification every service shares; services consult their own table first.</summary>
    public static AwsErrorKind ClassifyCommon(string code, int statusCode)
    {
        if (ThrottlingCodes.Contains(code))
        {
            return AwsErrorKind.Throttled;
        }

        if (AccessDeniedCodes.Contains(code))
        {
            return AwsErrorKind.AccessDenied;
        }

        if (InvalidParameterCodes.Contains(code))
        {
            return AwsErrorKind.InvalidParameter;
        }

        if (TransientCodes.Contains(code) || statusCode >= 500)
        {
            return AwsErrorKind.ServerError;
        }

        if (statusCode == 0 || code == AwsApiException.NetworkErrorCode)
        {
            return AwsErrorKind.Network;
        }

        return AwsErrorKind.Other;
    }
}
