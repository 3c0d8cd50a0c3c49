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

    public static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
