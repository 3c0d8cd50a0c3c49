using System.Collections;
using System.Globalization;
using System.Xml.Linq;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Builds response documents. Elements are built without a namespace (<see cref="E"/>) and the envelope puts the whole
/// tree in the service's namespace, as AWS does. Values: booleans <c>true</c>/<c>false</c>, timestamps ISO 8601 UTC
/// with milliseconds (<c>2025-01-01T00:00:00.000Z</c>), numbers invariant; null children are dropped.
/// </summary>
public static class SimXml
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>An element; content may be values, elements, sequences of elements, or nulls (skipped).</summary>
    public static XElement E(string name, params object?[] content) => new(name, Flatten(content).ToArray());

    /// <summary>An element when <paramref name="value"/> is not null, else null (dropped by <see cref="E"/>).</summary>
    public static XElement? Opt(string name, object? value) => value is null ? null : E(name, value);

    /// <summary>A list wrapper with one <paramref name="itemName"/> element per item (<c>member</c>, <c>item</c>, <c>DBInstance</c>).</summary>
    public static XElement List<T>(string name, string itemName, IEnumerable<T> items, Func<T, IEnumerable<object?>> members) =>
        E(name, items.Select(i => E(itemName, [.. members(i)])).ToArray());

    /// <summary>An AWS timestamp string.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A <c>member</c> list (Query services): <c>&lt;name&gt;&lt;member&gt;…&lt;/member&gt;…&lt;/name&gt;</c>.</summary>
    public static XElement Members<T>(string name, IEnumerable<T> items, Func<T, IEnumerable<object?>> members) =>
        List(name, "member", items, members);

    /// <summary>A <c>member</c> list of strings.</summary>
    public static XElement Strings(string name, IEnumerable<string> items) =>
        E(name, items.Select(i => E("member", i)).ToArray());

    /// <summary>Tags as a <c>member</c> list: <c>&lt;name&gt;&lt;member&gt;&lt;Key/&gt;&lt;Value/&gt;&lt;/member&gt;…</c>.</summary>
    public static XElement Tags(string name, IEnumerable<KeyValuePair<string, string>> tags) =>
        Members(name, tags, t => [Opt("Key", t.Key), Opt("Value", t.Value)]);

    /// <summary>A Query-protocol response: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata/&gt;</c>.
    /// Pass no content for actions whose output has no members (the Result element is then omitted, as AWS does).</summary>
    public static SimResponse QueryResponse(SimRequest request, params object?[] resultContent) =>
        QueryResponse(SimServiceInfo.For(request.Service).XmlNamespace, request.Action, request.RequestId,
            resultContent.Length == 0 ? null : resultContent, declaration: true);

    /// <summary>
    /// A Query-protocol response in <paramref name="ns"/>. <paramref name="resultContent"/> null omits the Result element;
    /// an empty array writes an empty one. The Elastic Beanstalk and ELBv2 simulations write no XML declaration.
    /// </summary>
    public static SimResponse QueryResponse(string ns, string action, string requestId, object?[]? resultContent, bool declaration)
    {
        var root = E(action + "Response",
            resultContent is null ? null : E(action + "Result", resultContent),
            E("ResponseMetadata", E("RequestId", requestId)));
        return SimResponse.Xml(Serialize(root, ns, declaration));
    }

    /// <summary>An EC2 response: <c>&lt;ActionResponse&gt;&lt;requestId/&gt;…&lt;/ActionResponse&gt;</c>.</summary>
    public static SimResponse Ec2Response(SimRequest request, params object?[] content)
    {
        var root = E(request.Action + "Response", [E("requestId", request.RequestId), .. content]);
        return SimResponse.Xml(Serialize(root, SimServiceInfo.Ec2.XmlNamespace));
    }

    /// <summary>Serializes (with the XML declaration unless told otherwise), every un-namespaced element moved into <paramref name="ns"/>.</summary>
    public static string Serialize(XElement root, string ns, bool declaration = true)
    {
        if (!string.IsNullOrEmpty(ns))
        {
            XNamespace xns = ns;
            foreach (var element in root.DescendantsAndSelf())
            {
                if (element.Name.Namespace == XNamespace.None)
                {
                    element.Name = xns + element.Name.LocalName;
                }
            }
        }

        var body = root.ToString(SaveOptions.DisableFormatting);
        return declaration ? Declaration + "\n" + body : body;
    }

    private static IEnumerable<object> Flatten(IEnumerable<object?> content)
    {
        foreach (var item in content)
        {
            switch (item)
            {
                case null:
                    break;
                case string s:
                    yield return s;
                    break;
                case XNode node:
                    yield return node;
                    break;
                case DateTimeOffset time:
                    yield return Timestamp(time);
                    break;
                case bool b:
                    yield return b ? "true" : "false";
                    break;
                case IFormattable formattable:
                    yield return formattable.ToString(null, CultureInfo.InvariantCulture);
                    break;
                case IEnumerable sequence:
                    foreach (var inner in Flatten(sequence.Cast<object?>()))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    yield return item.ToString() ?? "";
                    break;
            }
        }
    }
}
