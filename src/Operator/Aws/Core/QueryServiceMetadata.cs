using Amazon.Runtime.Internal;

namespace Ebops.Operator.Aws.Core;

/// <summary>The SDK's per-service metadata (used for the user agent and client-side monitoring).</summary>
internal sealed class QueryServiceMetadata(string serviceId) : IServiceMetadata
{
    public string ServiceId { get; } = serviceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
