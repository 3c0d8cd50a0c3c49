using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Reads a Query response: the <c>&lt;{Action}Result&gt;</c> element named by the model's <c>resultWrapper</c>, and
/// the request id; errors in either AWS XML error shape become <see cref="AmazonServiceException"/> so the SDK's retry
/// handler sees the code (throttling) and status (5xx).
/// </summary>
internal sealed class QueryUnmarshaller(string? resultWrapper) : XmlResponseUnmarshaller
{
    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        var response = new QueryResponse();
        var document = XDocument.Load(context.Stream);
        var root = document.Root;
        if (root is not null)
        {
            response.Result = resultWrapper is null ? null : root.Elements().FirstOrDefault(e => e.Name.LocalName == resultWrapper);
            var requestId = root.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        }

        return response;
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception? innerException, HttpStatusCode statusCode)
    {
        string? body;
        using (var reader = new StreamReader(context.Stream))
        {
            body = reader.ReadToEnd();
        }

        var error = AwsErrorBody.Parse(body);
        var code = error.Code ?? ((int)statusCode >= 500 ? AwsErrors.InternalFailure : "Http" + (int)statusCode);
        var type = string.Equals(error.Type, "Receiver", StringComparison.OrdinalIgnoreCase) || (int)statusCode >= 500
            ? ErrorType.Receiver
            : ErrorType.Sender;
        return new AmazonServiceException(error.Message ?? code, innerException, type, code, error.RequestId, statusCode);
    }
}
