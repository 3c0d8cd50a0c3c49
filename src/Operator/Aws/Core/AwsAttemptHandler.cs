using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Pipeline handler inside the SDK's retry loop (runs once per attempt): waits for the operation's adaptive rate
/// limiter, counts retries, and tells the limiter about throttles and successes.
/// </summary>
internal sealed class AwsAttemptHandler(AwsService service, Func<string, AdaptiveRateLimiter?> limiters, ILogger logger, AwsMetrics metrics) : PipelineHandler
{
    /// <summary>Code of the error a write gets when its limiter would hold it longer than <see cref="WriteMaxWait"/>.</summary>
    public const string ClientRateLimited = "ClientRateLimited";

    /// <summary>
    /// The longest a write waits for its limiter. A write AWS throttles hard (CreateLoadBalancer: 0.2 per second per
    /// account) would otherwise hold a reconcile worker for seconds per object while the objects queued behind it
    /// have other work; failing fast requeues the object with backoff and frees the worker (the SDKs call this fast-fail
    /// rate limiting). Reads still wait: they are cheap to wait for and their callers act on the answer.
    /// </summary>
    public static readonly TimeSpan WriteMaxWait = TimeSpan.FromSeconds(1);

    /// <summary>Describe, List, Get and Head operations: reads.</summary>
    public static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("Head", StringComparison.Ordinal);

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var operation = AwsOperationName.Of(request.OriginalRequest);
        var limiter = limiters(operation);
        if (request.Retries > 0)
        {
            metrics.Retries.WithLabels(service.Key, operation).Inc();
        }

        if (limiter is not null && !await limiter.AcquireAsync(IsRead(operation) ? null : WriteMaxWait, request.CancellationToken).ConfigureAwait(false))
        {
            throw new AwsApiException(service.Key, operation, ClientRateLimited,
                $"the client's rate limit for {operation} would hold this call longer than {WriteMaxWait.TotalSeconds:0} s: try again later", null, 0, AwsErrorKind.Throttled);
        }

        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            limiter?.OnSuccess();
            return response;
        }
        catch (AmazonServiceException e)
        {
            var code = e.ErrorCode ?? string.Empty;
            Log.AttemptFailed(logger, service.Key, operation, request.Retries + 1, code, (int)e.StatusCode, e.RequestId);
            if (limiter is not null && AwsErrors.ThrottlingCodes.Contains(code))
            {
                limiter.OnThrottle();
                Log.RateLowered(logger, service.Key, operation, limiter.FillRate);
            }

            throw;
        }
    }
}
