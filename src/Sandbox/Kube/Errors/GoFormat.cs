using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Errors;

/// <summary>
/// Values printed the way kube-apiserver's Go code prints them in error messages: <see cref="Quote"/> is
/// <c>strconv.Quote</c> (<c>%q</c>); <see cref="Value"/> is <c>field.Error</c>'s rendering of a decoded JSON value
/// (strings <c>%q</c>, int64/float64/bool <c>%v</c>, maps and slices <c>%#v</c>, nil <c>"null"</c>).
/// </summary>
public static class GoFormat
{
    /// <summary>A Go double-quoted string literal: <c>\"</c>, <c>\\</c>, control characters escaped, printable runes kept.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            AppendRune(sb, rune);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The bad value of a field error, from the JSON value the apiserver decoded.</summary>
    public static string Value(JsonNode? node) => node switch
    {
        null => "\"null\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => Syntax(node),
    };

    /// <summary><c>%#v</c> of a decoded JSON value (<c>map[string]interface {}{"a":1}</c>, <c>[]interface {}{"x"}</c>).</summary>
    public static string Syntax(JsonNode? node) => node switch
    {
        null => "interface {}(nil)",
        JsonObject obj => "map[string]interface {}{" + string.Join(", ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + Syntax(p.Value))) + "}",
        JsonArray array => "[]interface {}{" + string.Join(", ", array.Select(Syntax)) + "}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v => v.GetValueKind() == JsonValueKind.True ? "true" : v.GetValueKind() == JsonValueKind.False ? "false" : "interface {}(nil)",
        _ => node.ToJsonString(),
    };

    /// <summary><c>%#v</c> of a <c>[]string</c>: <c>[]string{"a", "b"}</c>, or <c>[]string(nil)</c>.</summary>
    public static string StringSlice(IReadOnlyCollection<string>? values) =>
        values is null ? "[]string(nil)" : "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>
    /// A JSON number as the apiserver holds it: integers as int64 (printed in decimal), others as float64 printed
    /// with <c>%v</c>.
    /// </summary>
    public static string Number(JsonValue value)
    {
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        return Float(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Go's <c>%v</c> of a float64: shortest digits, exponent form when the exponent is below -4 or at least 6.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return double.IsNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
        }

        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var parts = shortest.TrimStart('-').Split('E');
        var exp = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var point = parts[0].IndexOf('.', StringComparison.Ordinal);
        var all = parts[0].Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        if (digits.Length == 0)
        {
            return negative ? "-0" : "0";
        }

        var exponent = (point < 0 ? parts[0].Length : point) - leadingZeros - 1 + exp;
        string body;
        if (exponent < -4 || exponent >= 6)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            body = $"{digits[0]}{fraction}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        else if (exponent < 0)
        {
            body = "0." + new string('0', -exponent - 1) + digits;
        }
        else if (digits.Length <= exponent + 1)
        {
            body = digits + new string('0', exponent + 1 - digits.Length);
        }
        else
        {
            body = digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
        }

        return negative ? "-" + body : body;
    }

    private static void AppendRune(StringBuilder sb, Rune rune)
    {
        switch (rune.Value)
        {
            case '"': sb.Append("\\\""); return;
            case '\\': sb.Append("\\\\"); return;
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (rune.Value < 0x20 || rune.Value == 0x7f)
        {
            sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (rune.Value < 0x80 || !(Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
        {
            sb.Append(rune.ToString());
        }
        else if (rune.Value < 0x10000)
        {
            sb.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
