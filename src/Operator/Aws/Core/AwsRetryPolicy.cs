using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The SDK's standard retry policy (exponential backoff with full jitter, retry quota, throttling and transient error
/// detection), except that operations in <see cref="AwsIdempotency"/> are retried only for throttling, and the backoff
/// waits on the injected <see cref="TimeProvider"/> (the SDK's own wait sleeps on the wall clock) with the injected
/// jitter (<see cref="AwsRetryJitter.Shared"/> unless a seeded one is registered).
/// </summary>
internal sealed class AwsRetryPolicy(IClientConfig config, IReadOnlySet<string> notRetriedAfterAmbiguousFailure, TimeProvider time, AwsRetryJitter jitter)
    : StandardRetryPolicy(config)
{
    /// <summary>The SDK's standard backoff (full jitter over 2^(retry-1) seconds, capped), waited on the injected clock.</summary>
    public override Task WaitBeforeRetryAsync(IExecutionContext executionContext)
    {
        var ceiling = Math.Min(Math.Pow(2, executionContext.RequestContext.Retries - 1) * 1000.0, MaxBackoffInMilliseconds);
        return Task.Delay(TimeSpan.FromMilliseconds(jitter.NextDouble() * ceiling), time, executionContext.RequestContext.CancellationToken);
    }

    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        Allowed(executionContext, exception) && base.RetryForException(executionContext, exception);

    public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        Allowed(executionContext, exception) && await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false);

    private bool Allowed(IExecutionContext executionContext, Exception exception) =>
        exception is not AwsApiException && !notRetriedAfterAmbiguousFailure.Contains(AwsOperationName.Of(executionContext.RequestContext.OriginalRequest)) || IsThrottlingError(exception);
}
