using Amazon.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// What ebops adds to every SDK pipeline (the hand-built Query clients and the AWSSDK EC2/S3 clients alike): the call
/// handler outermost, the attempt handler just inside the SDK's retry handler.
/// </summary>
internal sealed record AwsPipeline(AwsService Service, IAwsErrorClassifier Classifier, Func<string, AdaptiveRateLimiter?> Limiters, TimeProvider Time, ILogger Logger, AwsMetrics Metrics,
    AwsRetryJitter Jitter)
{
    public void Install(RuntimePipeline pipeline, Amazon.Runtime.IClientConfig config)
    {
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new AwsRetryPolicy(config, AwsIdempotency.NotRetriedAfterAmbiguousFailure(Service), Time, Jitter)));
        pipeline.AddHandlerAfter<RetryHandler>(new AwsAttemptHandler(Service, Limiters, Logger, Metrics));
        pipeline.AddHandler(new AwsCallHandler(Service, Classifier, Time, Logger, Metrics));
    }
}
