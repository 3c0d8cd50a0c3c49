using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// Checks a ModifyDBParameterGroup value against the parameter's DataType and AllowedValues, as RDS does before it
/// stores anything: integers and floats against the ranges (<c>1-65535</c>) or values listed; booleans against
/// <c>0,1</c>; strings against their enumeration (case-insensitive, as MySQL reads them), free text when there is
/// none; lists item by item. An integer parameter also takes a formula in braces (<c>{DBInstanceClassMemory*3/4}</c>),
/// which RDS evaluates per instance.
/// </summary>
internal static class RdsParameterValidator
{
    /// <summary>Throws InvalidParameterValue when <paramref name="value"/> is not allowed for <paramref name="parameter"/>.</summary>
    public static void Check(RdsParameterDefinition parameter, string value)
    {
        if (!IsAllowed(parameter, value))
        {
            throw SimErrors.Invalid(
                $"Invalid parameter value: {value} for: {parameter.Name} allowed values are: {parameter.AllowedValues ?? parameter.DataType}");
        }
    }

    private static bool IsAllowed(RdsParameterDefinition parameter, string value)
    {
        if (value == parameter.Value)
        {
            return true;
        }

        var allowed = parameter.AllowedValues;
        return parameter.DataType switch
        {
            "integer" => IsFormula(value) || (IsNumber(value, integer: true) && InRanges(value, allowed)),
            "float" => IsNumber(value, integer: false) && InRanges(value, allowed),
            "boolean" => Items(allowed ?? "0,1").Contains(value, StringComparer.Ordinal),
            "list" => value.Split(',').All(item => allowed is null || Items(allowed).Contains(item.Trim(), StringComparer.OrdinalIgnoreCase)),
            _ => allowed is null || Items(allowed).Contains(value, StringComparer.OrdinalIgnoreCase),
        };
    }

    private static bool IsFormula(string value) => value.Length > 2 && value[0] == '{' && value[^1] == '}';

    private static bool IsNumber(string value, bool integer) =>
        integer
            ? value.Length > 0 && value.All(char.IsAsciiDigit)
            : decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>True when the number lies in one of the comma-separated ranges or equals one of the listed values.</summary>
    private static bool InRanges(string value, string? allowed)
    {
        if (allowed is null)
        {
            return true;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        foreach (var item in Items(allowed))
        {
            var dash = item.IndexOf('-', 1);
            var low = Parse(dash < 0 ? item : item[..dash]);
            var high = Parse(dash < 0 ? item : item[(dash + 1)..]);
            if (number >= low && number <= high)
            {
                return true;
            }
        }

        return false;
    }

    private static decimal Parse(string bound) => decimal.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string[] Items(string allowed) => allowed.Split(',');
}
