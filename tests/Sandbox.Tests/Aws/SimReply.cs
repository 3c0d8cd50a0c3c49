using System.Net;
using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws;

/// <summary>A raw reply: status, body text, headers; <see cref="Xml"/> parses the body.</summary>
internal sealed record SimReply(HttpStatusCode StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public int Status => (int)StatusCode;

    public XElement Xml => XElement.Parse(Body);

    /// <summary>The text of the first descendant with this local name (namespace ignored), or null.</summary>
    public string? Value(string localName) =>
        Xml.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>All descendants with this local name.</summary>
    public IReadOnlyList<XElement> All(string localName) =>
        [.. Xml.DescendantsAndSelf().Where(e => e.Name.LocalName == localName)];

    public string? ErrorCode => Value("Code");
}
