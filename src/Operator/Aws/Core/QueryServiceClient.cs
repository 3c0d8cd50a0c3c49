using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// An SDK client for a Query-protocol service without an AWSSDK package (EB, ELBv2, RDS). Subclassing
/// <see cref="AmazonServiceClient"/> keeps the SDK's signing (SigV4 with session tokens), credential chain, clock-skew
/// correction, standard retry mode with <c>amz-sdk-request</c> attempt headers, and error plumbing; ebops supplies only
/// the marshaller (parameters), the unmarshaller (result wrapper, both error shapes) and the auth-scheme handler.
/// These are public types in the SDK's Internal namespaces, which is why AWSSDK.Core is pinned exactly and the tests
/// drive this client over real HTTP.
/// </summary>
internal sealed class QueryServiceClient(AWSCredentials credentials, QueryClientConfig config, AwsPipeline hooks)
    : AmazonServiceClient(credentials, config)
{
    // Assigned by a field initializer so it is set before the base constructor builds the pipeline.
    private readonly AwsPipeline pipelineHooks = hooks;

    public AwsService Service => pipelineHooks.Service;

    /// <summary>Sends one action and returns its result-wrapper element (null when the operation has none).</summary>
    public async Task<XElement?> CallAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, string? resultWrapper,
        IReadOnlyList<string> sensitiveValues, CancellationToken cancellationToken)
    {
        var request = new QueryRequest(action, parameters, resultWrapper, sensitiveValues);
        var options = new InvokeOptions
        {
            RequestMarshaller = new QueryMarshaller(pipelineHooks.Service),
            ResponseUnmarshaller = new QueryUnmarshaller(resultWrapper),
        };
        var response = await InvokeAsync<QueryResponse>(request, options, cancellationToken).ConfigureAwait(false);
        return response.Result;
    }

    protected override IServiceMetadata ServiceMetadata => new QueryServiceMetadata(pipelineHooks.Service.ServiceId);

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.AddHandlerAfter<Marshaller>(new SigV4OnlyAuthHandler());
        pipelineHooks.Install(pipeline, Config);
    }
}
