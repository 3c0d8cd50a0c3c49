using System.Globalization;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.QueryKit;

/// <summary>
/// Builds Query-protocol responses in a service's XML namespace:
/// <c>&lt;ActionResponse xmlns=...&gt;&lt;ActionResult&gt;...&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;...</c>.
/// Null values and null children are left out, as AWS omits absent members.
/// </summary>
internal sealed class QueryXmlWriter(string xmlNamespace)
{
    private readonly XNamespace _ns = xmlNamespace;

    /// <summary>An element; null content yields null (omitted by the parent).</summary>
    public XElement? E(string name, object? content)
        => content switch
        {
            null => null,
            string s => new XElement(_ns + name, s),
            bool b => new XElement(_ns + name, b ? "true" : "false"),
            int or long => new XElement(_ns + name, Convert.ToString(content, CultureInfo.InvariantCulture)),
            double d => new XElement(_ns + name, d.ToString("R", CultureInfo.InvariantCulture)),
            DateTimeOffset t => new XElement(_ns + name, Timestamp(t)),
            _ => new XElement(_ns + name, content),
        };

    /// <summary>An element holding the given children (null ones skipped).</summary>
    public XElement S(string name, params object?[] children) => new(_ns + name, children.Where(c => c is not null));

    /// <summary>A list: <c>&lt;name&gt;&lt;member&gt;...&lt;/member&gt;...&lt;/name&gt;</c>.</summary>
    public XElement L<T>(string name, IEnumerable<T> items, Func<T, object?[]> member)
        => new(_ns + name, items.Select(i => new XElement(_ns + "member", member(i).Where(c => c is not null))));

    /// <summary>A list of strings.</summary>
    public XElement Strings(string name, IEnumerable<string> items)
        => new(_ns + name, items.Select(i => new XElement(_ns + "member", i)));

    /// <summary>Tags as <c>&lt;name&gt;&lt;member&gt;&lt;Key/&gt;&lt;Value/&gt;&lt;/member&gt;...</c>.</summary>
    public XElement Tags(string name, IEnumerable<KeyValuePair<string, string>> tags)
        => L(name, tags, t => [E("Key", t.Key), E("Value", t.Value)]);

    /// <summary>The whole response document for <paramref name="action"/>; result children may be empty.</summary>
    public SimResponse Response(string action, string requestId, params object?[] result)
    {
        var document = new XElement(
            _ns + $"{action}Response",
            new XElement(_ns + $"{action}Result", result.Where(c => c is not null)),
            new XElement(_ns + "ResponseMetadata", new XElement(_ns + "RequestId", requestId)));
        return SimResponse.Xml(document.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>A response without a result element (operations whose output has no members).</summary>
    public SimResponse EmptyResponse(string action, string requestId)
    {
        var document = new XElement(
            _ns + $"{action}Response",
            new XElement(_ns + "ResponseMetadata", new XElement(_ns + "RequestId", requestId)));
        return SimResponse.Xml(document.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>ISO 8601 with milliseconds in UTC, as AWS Query services write timestamps.</summary>
    public static string Timestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
