using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.S3;

/// <summary>The AWSSDK S3 client with ebops' metrics, logging, error translation and rate limiting in its pipeline.</summary>
internal sealed class InstrumentedS3Client(AWSCredentials credentials, AmazonS3Config config, AwsPipeline hooks)
    : AmazonS3Client(credentials, config)
{
    // Set by a field initializer: the base constructor builds the pipeline.
    private readonly AwsPipeline pipelineHooks = hooks;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipelineHooks.Install(pipeline, Config);
    }
}
