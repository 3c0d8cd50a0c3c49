using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The SDK's standard retry policy (exponential backoff with full jitter, retry quota, throttling and transient error
/// detection), except that operations in <see cref="AwsIdempotency"/> are retried only for throttling.
/// </summary>
internal sealed class AwsRetryPolicy(IClientConfig config, IReadOnlySet<string> notRetriedAfterAmbiguousFailure) : StandardRetryPolicy(config)
{
    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        Allowed(executionContext, exception) && base.RetryForException(executionContext, exception);

    public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        Allowed(executionContext, exception) && await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false);

    private bool Allowed(IExecutionContext executionContext, Exception exception) =>
        !notRetriedAfterAmbiguousFailure.Contains(AwsOperationName.Of(executionContext.RequestContext.OriginalRequest)) || IsThrottlingError(exception);
}
