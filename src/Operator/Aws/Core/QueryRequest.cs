using Amazon.Runtime;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// One Query-protocol call: the action and its already-flattened parameters (in model order). The SDK pipeline form-
/// encodes them into the POST body. <see cref="SensitiveValues"/> are the values of sensitive members, masked in any
/// error message a server echoes them in.
/// </summary>
internal sealed class QueryRequest(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, string? resultWrapper,
    IReadOnlyList<string> sensitiveValues) : AmazonWebServiceRequest
{
    public string Action { get; } = action;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

    /// <summary>The model's <c>resultWrapper</c> element, or null when the operation returns nothing.</summary>
    public string? ResultWrapper { get; } = resultWrapper;

    public IReadOnlyList<string> SensitiveValues { get; } = sensitiveValues;

    // Parameters may hold secrets: never print them.
    public override string ToString() => $"QueryRequest {{ Action = {Action}, Parameters = {Parameters.Count} }}";
}
