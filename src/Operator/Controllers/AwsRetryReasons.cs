using Ebops.Operator.Aws.Core;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers;

/// <summary>
/// Why a reconcile that failed on AWS is retried, for the object's Reconciling condition: throttled, unavailable (503:
/// an outage), a server error, unreachable (no response). The message names the service, the operation and AWS's error
/// code and status, never request parameters or AWS's message text.
/// </summary>
internal sealed class AwsRetryReasons : IRetryReasons
{
    public const string Throttled = "AwsThrottled";
    public const string Unavailable = "AwsUnavailable";
    public const string ServerError = "AwsServerError";
    public const string Unreachable = "AwsUnreachable";

    public RetryReason? Of(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AwsApiException aws && ReasonOf(aws) is { } reason)
            {
                return new RetryReason(reason, $"{aws.Service} {aws.Operation}: {aws.Code} (HTTP {aws.StatusCode})");
            }
        }

        return null;
    }

    private static string? ReasonOf(AwsApiException e) => e.Kind switch
    {
        AwsErrorKind.Throttled => Throttled,
        AwsErrorKind.ServerError when e.StatusCode == 503 => Unavailable,
        AwsErrorKind.ServerError => ServerError,
        AwsErrorKind.Network => Unreachable,
        _ => null,
    };
}
