using System.Text;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>A request the loopback server received, exactly as it arrived.</summary>
internal sealed record CapturedRequest(string Method, string RawUrl, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The form body (Query protocol), decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : ""))
            .ToList();

    public string? FormValue(string key) => Form.FirstOrDefault(kv => kv.Key == key).Value;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}
