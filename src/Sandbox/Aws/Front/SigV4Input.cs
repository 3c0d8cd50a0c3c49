namespace Ebops.Sandbox.Aws.Front;

/// <summary>What the SigV4 verifier needs from an HTTP request (decoupled from ASP.NET Core for unit tests).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawPath">The path exactly as sent (still percent-encoded).</param>
/// <param name="RawQuery">The query string exactly as sent, without '?'.</param>
/// <param name="Headers">Headers by lowercase name; several values of one header are kept in order.</param>
/// <param name="Body">The raw request body.</param>
internal sealed record SigV4Input(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    public string? Header(string lowercaseName) =>
        Headers.TryGetValue(lowercaseName, out var values) && values.Count > 0 ? values[0] : null;
}
