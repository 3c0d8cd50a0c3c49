namespace Ebops.Sandbox.Aws.Core;

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
