using System.Globalization;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Flattened Query parameters as the generated serializers write them, in model order, with the values of
/// sensitive members remembered so they can be masked anywhere they might be echoed.
/// </summary>
public sealed class QueryParams
{
    private readonly List<KeyValuePair<string, string>> items = [];
    private readonly List<string> sensitive = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => items;

    public IReadOnlyList<string> Sensitive => sensitive;

    public void Add(string key, string value) => items.Add(new(key, value));

    public void Add(string key, int value) => items.Add(new(key, value.ToString(CultureInfo.InvariantCulture)));

    public void Add(string key, long value) => items.Add(new(key, value.ToString(CultureInfo.InvariantCulture)));

    public void Add(string key, double value) => items.Add(new(key, value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Query protocol booleans are lower-case <c>true</c>/<c>false</c>.</summary>
    public void Add(string key, bool value) => items.Add(new(key, value ? "true" : "false"));

    /// <summary>Query protocol timestamps are ISO 8601 in UTC (the model's default <c>timestampFormat</c>).</summary>
    public void Add(string key, DateTimeOffset value) => items.Add(new(key, FormatTimestamp(value)));

    public void AddSensitive(string key, string value)
    {
        items.Add(new(key, value));
        sensitive.Add(value);
    }

    /// <summary>
    /// Writes a list member the way the Query protocol encodes lists: an empty list is sent as <c>Name=</c> (so that
    /// "set to empty" differs from "not set"), items as <c>Name.{itemName}.N</c> (1-based), or <c>Name.N</c> when the
    /// model marks the list flattened (<paramref name="itemName"/> null). <paramref name="writeItem"/> writes one item
    /// under the key it is given.
    /// </summary>
    public void AddList<T>(string key, string? itemName, IReadOnlyList<T> values, Action<QueryParams, string, T> writeItem)
    {
        if (values.Count == 0)
        {
            Add(key, "");
            return;
        }

        var itemPrefix = itemName is null ? key + "." : key + "." + itemName + ".";
        for (var i = 0; i < values.Count; i++)
        {
            writeItem(this, itemPrefix + (i + 1).ToString(CultureInfo.InvariantCulture), values[i]);
        }
    }

    public static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
