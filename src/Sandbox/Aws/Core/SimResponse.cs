namespace Ebops.Sandbox.Aws.Core;

/// <summary>A handler's answer.</summary>
public sealed record SimResponse(int StatusCode, string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SimResponse Xml(string body) => new(200, "text/xml", body);

    /// <summary>A binary body (S3 GetObject); when set it is sent instead of <see cref="Body"/>.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; init; }
}
