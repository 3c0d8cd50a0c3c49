using System.Globalization;

namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// The parameters of one DB parameter group family, for checking overrides before anything is written: a name the
/// family does not have, a parameter RDS does not let users modify, or a value outside the parameter's DataType and
/// AllowedValues is refused with a message naming the problem (never a secret: parameter values are not secret).
/// </summary>
public sealed class ParameterCatalog(string family, IReadOnlyDictionary<string, ParameterDefinition> parameters)
{
    private const int ShownValues = 8;

    public string Family { get; } = family;

    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; } = parameters;

    /// <summary>The definition of <paramref name="name"/>, or null when the family has no such parameter.</summary>
    public ParameterDefinition? Find(string name) => Parameters.GetValueOrDefault(name);

    /// <summary>Why <paramref name="value"/> cannot be set for <paramref name="name"/>, or null when it can.</summary>
    public string? Check(string name, string value)
    {
        if (Find(name) is not { } parameter)
        {
            return $"{Family} has no parameter {name}";
        }

        if (!parameter.IsModifiable)
        {
            return $"{name} is managed by RDS and cannot be modified";
        }

        return IsAllowed(parameter, value) ? null : $"\"{value}\" is not an allowed value of {name} ({Describe(parameter)})";
    }

    /// <summary>True when <paramref name="value"/> fits the parameter's DataType and AllowedValues.</summary>
    public static bool IsAllowed(ParameterDefinition parameter, string value)
    {
        var allowed = parameter.AllowedValues is { Length: > 0 } a ? a.Split(',', StringSplitOptions.TrimEntries) : null;
        return parameter.DataType.ToLowerInvariant() switch
        {
            // RDS evaluates formulas such as {DBInstanceClassMemory*3/4} per instance.
            "integer" => IsFormula(value) || (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && InRanges(value, allowed)),
            "float" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && InRanges(value, allowed),
            "boolean" => (allowed ?? ["0", "1"]).Contains(value, StringComparer.Ordinal),
            "list" => allowed is null || value.Split(',', StringSplitOptions.TrimEntries).All(v => allowed.Contains(v, StringComparer.OrdinalIgnoreCase)),
            _ => allowed is null || allowed.Contains(value, StringComparer.OrdinalIgnoreCase),
        };
    }

    private static bool IsFormula(string value) => value.Length > 2 && value[0] == '{' && value[^1] == '}';

    private static bool InRanges(string value, string[]? allowed)
    {
        if (allowed is null)
        {
            return true;
        }

        var number = decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        foreach (var item in allowed)
        {
            // A range is low-high; a leading '-' belongs to a negative low bound.
            var dash = item.IndexOf('-', 1);
            var low = dash < 0 ? item : item[..dash];
            var high = dash < 0 ? item : item[(dash + 1)..];
            if (decimal.TryParse(low, NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                && decimal.TryParse(high, NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                && number >= min && number <= max)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(ParameterDefinition parameter)
    {
        if (parameter.AllowedValues is not { Length: > 0 } allowed)
        {
            return "must be of type " + parameter.DataType;
        }

        var values = allowed.Split(',', StringSplitOptions.TrimEntries);
        return values.Length <= ShownValues
            ? "allowed: " + string.Join(", ", values)
            : $"allowed: {string.Join(", ", values.Take(ShownValues))}, ... ({values.Length} values)";
    }
}
