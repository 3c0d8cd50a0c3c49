using System.Globalization;
using System.Xml.Linq;

namespace Ebops.Operator.Aws.Core;

/// <summary>Helpers for the generated response parsers: elements are matched by local name (namespaces vary between
/// AWS and compatible endpoints); an absent element is null, an empty list element is an empty list.</summary>
public static class XmlRead
{
    public static XElement? Child(XElement parent, string name)
    {
        foreach (var e in parent.Elements())
        {
            if (e.Name.LocalName == name)
            {
                return e;
            }
        }

        return null;
    }

    public static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    public static string? Str(XElement parent, string name) => Child(parent, name)?.Value;

    public static int? Int(XElement parent, string name) =>
        Child(parent, name) is { } e && e.Value.Length > 0 ? int.Parse(e.Value, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static long? Long(XElement parent, string name) =>
        Child(parent, name) is { } e && e.Value.Length > 0 ? long.Parse(e.Value, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static double? Double(XElement parent, string name) =>
        Child(parent, name) is { } e && e.Value.Length > 0 ? double.Parse(e.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(XElement parent, string name) =>
        Child(parent, name) is { } e && e.Value.Length > 0 ? string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase) : null;

    public static DateTimeOffset? Time(XElement parent, string name) =>
        Child(parent, name) is { } e && e.Value.Length > 0 ? ParseTime(e.Value) : null;

    public static string TextOf(XElement e) => e.Value;

    public static int IntOf(XElement e) => int.Parse(e.Value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static long LongOf(XElement e) => long.Parse(e.Value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static double DoubleOf(XElement e) => double.Parse(e.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool BoolOf(XElement e) => string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static DateTimeOffset TimeOf(XElement e) => ParseTime(e.Value);

    /// <summary>A wrapped list: <c>&lt;Name&gt;&lt;member&gt;..&lt;/member&gt;&lt;/Name&gt;</c> (the member element name
    /// comes from the model).</summary>
    public static IReadOnlyList<T>? List<T>(XElement parent, string name, string memberName, Func<XElement, T> read) =>
        Child(parent, name) is { } list ? Children(list, memberName).Select(read).ToList() : null;

    /// <summary>A flattened list: the items repeat directly under the parent.</summary>
    public static IReadOnlyList<T>? FlatList<T>(XElement parent, string name, Func<XElement, T> read)
    {
        var items = Children(parent, name).Select(read).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>A map: <c>&lt;Name&gt;&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;&lt;/Name&gt;</c>, or flattened
    /// entries directly under the parent.</summary>
    public static IReadOnlyDictionary<string, T>? Map<T>(XElement parent, string name, bool flattened, string keyName, string valueName, Func<XElement, T> read)
    {
        IEnumerable<XElement> entries;
        if (flattened)
        {
            entries = Children(parent, name);
        }
        else if (Child(parent, name) is { } map)
        {
            entries = Children(map, "entry");
        }
        else
        {
            return null;
        }

        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Child(entry, keyName) is { } key && Child(entry, valueName) is { } value)
            {
                result[key.Value] = read(value);
            }
        }

        return result;
    }

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
