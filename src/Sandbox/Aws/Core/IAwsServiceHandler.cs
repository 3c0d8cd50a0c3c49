namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// One simulated AWS service. The simulator's HTTP front end verifies SigV4, reads the service from the credential
/// scope, parses the Query-protocol form (or the S3 REST request), applies fault injection, logs the call, and hands
/// the request to the handler registered for that signing name.
/// </summary>
public interface IAwsServiceHandler
{
    /// <summary>The SigV4 signing name this handler serves: elasticbeanstalk, elasticloadbalancing, rds, ec2, s3.</summary>
    string SigningName { get; }

    /// <summary>
    /// Handles one request. Returns the response (for Query services: the whole
    /// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;...&lt;/ActionResult&gt;&lt;ResponseMetadata/&gt;&lt;/ActionResponse&gt;</c>
    /// document, or EC2's <c>&lt;ActionResponse&gt;</c> shape). Throws <see cref="AwsSimException"/> for AWS errors;
    /// the front end renders them in the service's own error XML.
    /// </summary>
    ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken);
}

/// <summary>A parsed request as the front end hands it to a handler.</summary>
/// <param name="Service">Signing name from the credential scope.</param>
/// <param name="Action">Query <c>Action</c> (for S3: the REST operation, e.g. HeadObject).</param>
/// <param name="Parameters">Flattened Query parameters exactly as sent (e.g. <c>Tags.member.1.Key</c>), without Action and Version
/// (for S3: the query-string parameters).</param>
/// <param name="RequestId">The request id to return in the response and in errors.</param>
/// <param name="Region">Region from the credential scope.</param>
/// <param name="AccessKeyId">Access key that signed the request.</param>
/// <param name="HttpMethod">HTTP method (S3 needs it).</param>
/// <param name="Path">Request path, URL-decoded (S3 needs it: /bucket/key).</param>
/// <param name="Headers">Request headers, case-insensitive names (S3 needs Content-Type, x-amz-meta-*); null when not captured.</param>
/// <param name="Body">Request body after aws-chunked decoding (S3 PutObject); empty for Query services.</param>
public sealed record SimRequest(
    string Service,
    string Action,
    IReadOnlyDictionary<string, string> Parameters,
    string RequestId,
    string Region,
    string AccessKeyId,
    string HttpMethod = "POST",
    string Path = "/",
    IReadOnlyDictionary<string, string>? Headers = null,
    ReadOnlyMemory<byte> Body = default);

/// <summary>A handler's answer.</summary>
public sealed record SimResponse(int StatusCode, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SimResponse Xml(string body) => new(200, "text/xml", body);

    /// <summary>A binary body (S3 GetObject); when set it is sent instead of <see cref="Body"/>.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; init; }
}

/// <summary>An AWS error: code, message, HTTP status, and whether the caller (Sender) or AWS (Receiver) is at fault.</summary>
public sealed class AwsSimException(string code, string message, int statusCode = 400, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;
    public bool SenderFault { get; } = senderFault;
}
