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
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var operation = AwsOperationName.Of(request.OriginalRequest);
        var limiter = limiters(operation);
        if (request.Retries > 0)
        {
            metrics.Retries.WithLabels(service.Key, operation).Inc();
        }

        if (limiter is not null)
        {
            await limiter.AcquireAsync(request.CancellationToken).ConfigureAwait(false);
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
