using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.QueryKit;

/// <summary>
/// Reads flattened Query-protocol parameters (<c>Names.member.1</c>, <c>Tags.member.2.Key</c>) as the EB and ELBv2
/// simulations receive them. Missing or malformed values become the service's own validation error through
/// <paramref name="invalid"/>.
/// </summary>
/// <param name="values">The parameters exactly as sent.</param>
/// <param name="invalid">Builds the error for a missing or malformed parameter: (parameter name, message) → exception.</param>
internal sealed class QueryParams(IReadOnlyDictionary<string, string> values, Func<string, string, AwsSimException> invalid)
{
    private readonly string _prefix = string.Empty;

    private QueryParams(IReadOnlyDictionary<string, string> values, Func<string, string, AwsSimException> invalid, string prefix)
        : this(values, invalid) => _prefix = prefix;

    /// <summary>The value, or null when absent.</summary>
    public string? Get(string name) => values.TryGetValue(_prefix + name, out var value) ? value : null;

    /// <summary>True when the parameter or any nested one under it was sent.</summary>
    public bool Has(string name)
    {
        var key = _prefix + name;
        return values.ContainsKey(key) || values.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal));
    }

    /// <summary>The value; a missing or empty one is the service's validation error.</summary>
    public string Required(string name)
    {
        var value = Get(name);
        return string.IsNullOrEmpty(value) ? throw invalid(_prefix + name, MissingMessage(name)) : value;
    }

    public int? Int(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw invalid(_prefix + name, $"Value '{value}' at '{Camel(name)}' failed to satisfy constraint: Member must be a number");
    }

    public bool? Bool(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return bool.TryParse(value, out var flag)
            ? flag
            : throw invalid(_prefix + name, $"Value '{value}' at '{Camel(name)}' failed to satisfy constraint: Member must be a boolean");
    }

    public DateTimeOffset? Timestamp(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw invalid(_prefix + name, $"Value '{value}' at '{Camel(name)}' failed to satisfy constraint: Member must be a timestamp");
    }

    /// <summary>A list of strings sent as <c>name.member.N</c> (N from 1, in order).</summary>
    public IReadOnlyList<string> List(string name)
    {
        var result = new List<string>();
        for (var i = 1; ; i++)
        {
            if (Get($"{name}.member.{i}") is not { } item)
            {
                return result;
            }

            result.Add(item);
        }
    }

    /// <summary>A list of structures sent as <c>name.member.N.Field</c>.</summary>
    public IReadOnlyList<QueryParams> Structs(string name)
    {
        var result = new List<QueryParams>();
        for (var i = 1; ; i++)
        {
            var prefix = $"{_prefix}{name}.member.{i}.";
            if (!values.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return result;
            }

            result.Add(new QueryParams(values, invalid, prefix));
        }
    }

    /// <summary>A nested structure sent as <c>name.Field</c>.</summary>
    public QueryParams Struct(string name) => new(values, invalid, $"{_prefix}{name}.");

    /// <summary>Tags sent as <c>name.member.N.Key</c> / <c>.Value</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string name = "Tags")
        => [.. Structs(name).Select(t => new KeyValuePair<string, string>(t.Required("Key"), t.Get("Value") ?? string.Empty))];

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string MissingMessage(string name)
        => $"1 validation error detected: Value null at '{Camel(name)}' failed to satisfy constraint: Member must not be null";
}
