using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>One parsed HTTP/1.x request as <see cref="LoopbackHttpServer"/> hands it to its handler.</summary>
/// <param name="Method">Request method.</param>
/// <param name="Target">Request target (path and query) exactly as sent.</param>
/// <param name="Version">HTTP/1.0 or HTTP/1.1.</param>
/// <param name="Headers">Header fields in the order received.</param>
/// <param name="Body">Request body (de-chunked).</param>
/// <param name="RemoteEndPoint">The client's address.</param>
internal sealed record LoopbackHttpRequest(
    string Method,
    string Target,
    string Version,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    IPEndPoint? RemoteEndPoint)
{
    /// <summary>Returns the first value of a header, or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>True when the client asked to close the connection after this exchange (HTTP/1.0 closes by default).</summary>
    public bool WantsClose
    {
        get
        {
            var connection = Header("Connection");
            if (Version == "HTTP/1.0")
            {
                return connection is null || !connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            }

            return connection is not null && connection.Contains("close", StringComparison.OrdinalIgnoreCase);
        }
    }
}
