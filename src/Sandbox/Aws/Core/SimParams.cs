using System.Globalization;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Reads flattened Query parameters: scalars, numbered lists (<c>GroupId.1</c>, <c>VpcSecurityGroupIds.VpcSecurityGroupId.1</c>,
/// <c>Tags.member.1.Key</c>) and numbered structures (<c>Filter.1.Name</c> / <c>Filter.1.Value.1</c>).
/// Type errors become AWS's <c>InvalidParameterValue</c>; a missing required one <c>MissingParameter</c>.
/// </summary>
public sealed class SimParams(IReadOnlyDictionary<string, string> parameters)
{
    public IReadOnlyDictionary<string, string> Raw => parameters;

    public string? Get(string name) => parameters.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw SimErrors.Missing(name);

    public bool Has(string name) => parameters.ContainsKey(name);

    public int? Int(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw SimErrors.Invalid($"Invalid value '{value}' for {name}: not an integer");
    }

    public bool? Bool(string name)
    {
        var value = Get(name);
        return value switch
        {
            null => null,
            _ when bool.TryParse(value, out var result) => result,
            _ => throw SimErrors.Invalid($"Invalid value '{value}' for {name}: not a boolean"),
        };
    }

    /// <summary>The numbered prefixes <c>{prefix}.1</c>, <c>{prefix}.2</c>... present, in numeric order.</summary>
    public IReadOnlyList<string> Indexed(string prefix)
    {
        var start = prefix + ".";
        return parameters.Keys
            .Where(k => k.StartsWith(start, StringComparison.Ordinal))
            .Select(k => k[start.Length..].Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i > 0)
            .Distinct()
            .Order()
            .Select(i => start + i.ToString(CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>The values of a numbered scalar list (<c>{prefix}.N</c>).</summary>
    public IReadOnlyList<string> List(string prefix) =>
        [.. Indexed(prefix).Select(p => Get(p)).OfType<string>()];

    /// <summary>Key/value pairs of a numbered list of structures (<c>{prefix}.N.Key</c> / <c>{prefix}.N.Value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string prefix, string keyName = "Key", string valueName = "Value") =>
        [.. Indexed(prefix)
            .Where(p => Has(p + "." + keyName))
            .Select(p => KeyValuePair.Create(Get(p + "." + keyName)!, Get(p + "." + valueName) ?? ""))];
}
