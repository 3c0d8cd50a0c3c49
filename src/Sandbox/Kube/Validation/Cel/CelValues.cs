using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// CEL values as CLR objects: null, bool, long (int), ulong (uint), double, string,
/// <c>IReadOnlyList&lt;object?&gt;</c> (list) and <c>IReadOnlyDictionary&lt;string, object?&gt;</c> (map).
/// </summary>
internal static class CelValues
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Via the JSON text: values built in code may hold any CLR numeric type.
            JsonValueKind.Number => long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? l
                : (object)double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        IReadOnlyList<object?> => "list",
        IReadOnlyDictionary<string, object?> => "map",
        _ => value.GetType().Name,
    };

    public static bool IsNumber(object? v) => v is long or ulong or double;

    public static double ToDouble(object? v) => v switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => throw new CelException($"not a number: {TypeName(v)}"),
    };

    public static new bool Equals(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is long la && b is long lb ? la == lb : ToDouble(a) == ToDouble(b);
        }

        switch (a)
        {
            case bool ba: return b is bool bb && ba == bb;
            case string sa: return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case IReadOnlyList<object?> la2 when b is IReadOnlyList<object?> lb2:
                if (la2.Count != lb2.Count)
                {
                    return false;
                }

                for (var i = 0; i < la2.Count; i++)
                {
                    if (!Equals(la2[i], lb2[i]))
                    {
                        return false;
                    }
                }

                return true;
            case IReadOnlyDictionary<string, object?> ma when b is IReadOnlyDictionary<string, object?> mb:
                if (ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var (key, value) in ma)
                {
                    if (!mb.TryGetValue(key, out var other) || !Equals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static int Compare(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return a is long la && b is long lb ? la.CompareTo(lb) : ToDouble(a).CompareTo(ToDouble(b));
        }

        return (a, b) switch
        {
            (string sa, string sb) => Math.Sign(string.CompareOrdinal(sa, sb)),
            (bool ba, bool bb) => ba.CompareTo(bb),
            _ => throw new CelException($"no such overload: {TypeName(a)} < {TypeName(b)}"),
        };
    }

    public static string Format(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "u",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        _ => TypeName(v),
    };
}
