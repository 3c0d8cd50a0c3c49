using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Ebops.Operator.Aws.Core;

namespace Ebops.Operator.Aws.Ec2;

/// <summary>The AWSSDK EC2 client with ebops' metrics, logging, error translation and rate limiting in its pipeline.</summary>
internal sealed class InstrumentedEc2Client(AWSCredentials credentials, AmazonEC2Config config, AwsPipeline hooks)
    : AmazonEC2Client(credentials, config)
{
    // Set by a field initializer: the base constructor builds the pipeline.
    private readonly AwsPipeline pipelineHooks = hooks;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipelineHooks.Install(pipeline, Config);
    }
}
