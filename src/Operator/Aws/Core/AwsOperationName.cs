using Amazon.Runtime;

namespace Ebops.Operator.Aws.Core;

/// <summary>The operation name of a request as the model names it (Query action, or the SDK request type minus
/// "Request").</summary>
internal static class AwsOperationName
{
    public static string Of(AmazonWebServiceRequest? request) => request switch
    {
        QueryRequest query => query.Action,
        null => "Unknown",
        _ => request.GetType().Name is var name && name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : request.GetType().Name,
    };
}
