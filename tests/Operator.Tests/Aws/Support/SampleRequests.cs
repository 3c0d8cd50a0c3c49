using System.Collections;
using System.Reflection;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>Builds a request record with every member set (lists of two, maps of two, nested records filled), so a
/// serializer that drops or misnames any member is caught by the model check.</summary>
internal static class SampleRequests
{
    public static readonly DateTimeOffset Timestamp = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static object Build(Type type, int depth = 0)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract"))
        {
            if (Value(property.PropertyType, property.Name, depth) is { } value)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? Value(Type type, string name, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return $"{name}-value";
        }

        if (t == typeof(int))
        {
            return 7;
        }

        if (t == typeof(long))
        {
            return 8L;
        }

        if (t == typeof(double))
        {
            return 1.5;
        }

        if (t == typeof(bool))
        {
            return true;
        }

        if (t == typeof(DateTimeOffset))
        {
            return Timestamp;
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = t.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            for (var i = 0; i < 2 && depth < 6; i++)
            {
                list.Add(Value(item, name + i, depth + 1));
            }

            return list;
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var valueType = t.GetGenericArguments()[1];
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            dict.Add("k1", Value(valueType, name, depth + 1));
            dict.Add("k2", Value(valueType, name, depth + 1));
            return dict;
        }

        if (t.IsClass && t.Namespace?.StartsWith("Ebops.Operator.Aws", StringComparison.Ordinal) == true)
        {
            return depth < 6 ? Build(t, depth + 1) : null;
        }

        throw new NotSupportedException($"No sample for {t} ({name}).");
    }
}
