using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Ebops.Operator.Aws.Core;

/// <summary>Turns a <see cref="QueryRequest"/> into the SDK's request: POST /, Action, Version, parameters.</summary>
internal sealed class QueryMarshaller(AwsService service) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var query = (QueryRequest)input;
        var request = new DefaultRequest(query, service.ServiceId) { HttpMethod = "POST" };
        request.Parameters.Add("Action", query.Action);
        request.Parameters.Add("Version", service.ApiVersion);
        foreach (var (key, value) in query.Parameters)
        {
            request.Parameters.Add(key, value);
        }

        return request;
    }
}
