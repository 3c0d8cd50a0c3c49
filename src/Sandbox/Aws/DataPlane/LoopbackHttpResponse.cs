using System.Text;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>A response written by <see cref="LoopbackHttpServer"/>. Content-Length and Connection are added by the server.</summary>
internal sealed record LoopbackHttpResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>When true the server closes the connection after writing this response.</summary>
    public bool Close { get; init; }

    public static LoopbackHttpResponse Text(int statusCode, string contentType, string body, params KeyValuePair<string, string>[] headers)
        => new(statusCode, [new("Content-Type", contentType), .. headers], Encoding.UTF8.GetBytes(body));
}
