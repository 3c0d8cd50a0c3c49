using System.Globalization;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Reads flattened Query parameters for every Query service: scalars, numbered lists in both spellings
/// (<c>GroupId.1</c> / <c>VpcSecurityGroupIds.VpcSecurityGroupId.1</c> through <see cref="List"/>, <c>Names.member.1</c>
/// through <see cref="Members"/>), numbered structures (<c>Filter.1.Name</c> through <see cref="Indexed"/>,
/// <c>Tags.member.1.Key</c> through <see cref="Structs"/>) and nested structures (<see cref="Struct"/>).
/// A missing or malformed value becomes the service's error through <see cref="SimParamErrors"/>.
/// </summary>
public sealed class SimParams
{
    private readonly IReadOnlyDictionary<string, string> parameters;
    private readonly SimParamErrors errors;
    private readonly string scope;

    /// <param name="parameters">The parameters exactly as sent.</param>
    /// <param name="errors">How the service reports bad parameters; <see cref="SimParamErrors.Default"/> when null.</param>
    public SimParams(IReadOnlyDictionary<string, string> parameters, SimParamErrors? errors = null)
        : this(parameters, errors ?? SimParamErrors.Default, string.Empty)
    {
    }

    private SimParams(IReadOnlyDictionary<string, string> parameters, SimParamErrors errors, string prefix)
    {
        this.parameters = parameters;
        this.errors = errors;
        scope = prefix;
    }

    /// <summary>All parameters as sent (not limited to this structure).</summary>
    public IReadOnlyDictionary<string, string> Raw => parameters;

    /// <summary>The value, or null when absent.</summary>
    public string? Get(string name) => parameters.TryGetValue(scope + name, out var value) ? value : null;

    /// <summary>The value; a missing or empty one is the service's missing-parameter error.</summary>
    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw errors.Missing(scope + name, name);

    /// <summary>True when the parameter or any nested one under it was sent.</summary>
    public bool Has(string name)
    {
        var key = scope + name;
        return parameters.ContainsKey(key) || parameters.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal));
    }

    public int? Int(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw errors.Invalid(scope + name, name, value, "integer");
    }

    public bool? Bool(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return bool.TryParse(value, out var result)
            ? result
            : throw errors.Invalid(scope + name, name, value, "boolean");
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
            : throw errors.Invalid(scope + name, name, value, "timestamp");
    }

    /// <summary>
    /// The numbered prefixes <c>{prefix}.1</c>, <c>{prefix}.2</c>... present (gaps allowed), in numeric order, relative
    /// to this structure (pass them back to <see cref="Get"/>).
    /// </summary>
    public IReadOnlyList<string> Indexed(string prefix)
    {
        var start = prefix + ".";
        var full = scope + start;
        return parameters.Keys
            .Where(k => k.StartsWith(full, StringComparison.Ordinal))
            .Select(k => k[full.Length..].Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0)
            .Distinct()
            .Order()
            .Select(i => start + i.ToString(CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>The values of a numbered scalar list (<c>{prefix}.N</c>, gaps allowed), in numeric order.</summary>
    public IReadOnlyList<string> List(string prefix) =>
        [.. Indexed(prefix).Select(p => Get(p)).OfType<string>()];

    /// <summary>Key/value pairs of a numbered list of structures (<c>{prefix}.N.Key</c> / <c>{prefix}.N.Value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string prefix, string keyName = "Key", string valueName = "Value") =>
        [.. Indexed(prefix)
            .Where(p => parameters.ContainsKey(scope + p + "." + keyName))
            .Select(p => KeyValuePair.Create(Get(p + "." + keyName)!, Get(p + "." + valueName) ?? ""))];

    /// <summary>A <c>member</c>-style list of strings, <c>{name}.member.N</c> (N from 1, up to the first gap).</summary>
    public IReadOnlyList<string> Members(string name)
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

    /// <summary>A <c>member</c>-style list of structures, <c>{name}.member.N.Field</c> (N from 1, up to the first gap).</summary>
    public IReadOnlyList<SimParams> Structs(string name)
    {
        var result = new List<SimParams>();
        for (var i = 1; ; i++)
        {
            var prefix = $"{scope}{name}.member.{i}.";
            if (!parameters.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return result;
            }

            result.Add(new SimParams(parameters, errors, prefix));
        }
    }

    /// <summary>A nested structure sent as <c>{name}.Field</c>.</summary>
    public SimParams Struct(string name) => new(parameters, errors, $"{scope}{name}.");

    /// <summary>Tags sent as <c>{name}.member.N.Key</c> / <c>.Value</c>; a member without a key is a missing parameter.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string name = "Tags") =>
        [.. Structs(name).Select(t => new KeyValuePair<string, string>(t.Required("Key"), t.Get("Value") ?? string.Empty))];
}
