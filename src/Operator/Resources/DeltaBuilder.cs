namespace Ebops.Operator.Resources;

/// <summary>Builds a <see cref="Delta"/> field by field: <c>new DeltaBuilder().Compare("InstanceClass", d.Class, o.Class).Build()</c>.</summary>
public sealed class DeltaBuilder
{
    private readonly List<FieldDifference> differences = [];

    /// <summary>Records <paramref name="field"/> when the values differ (ordinal for strings, Equals otherwise).</summary>
    public DeltaBuilder Compare<TValue>(string field, TValue desired, TValue observed, bool sensitive = false)
    {
        if (!EqualityComparer<TValue>.Default.Equals(desired, observed))
        {
            differences.Add(new FieldDifference(field, Format(desired), Format(observed), sensitive));
        }

        return this;
    }

    /// <summary>Records <paramref name="field"/> when the two sets differ (order and duplicates ignored).</summary>
    public DeltaBuilder CompareSet(string field, IEnumerable<string> desired, IEnumerable<string> observed)
    {
        var want = desired.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var have = observed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(have, StringComparer.Ordinal))
        {
            differences.Add(new FieldDifference(field, string.Join(",", want), string.Join(",", have)));
        }

        return this;
    }

    /// <summary>Records <paramref name="field"/> when <paramref name="differs"/> (for comparisons the helpers above do not cover).</summary>
    public DeltaBuilder Add(string field, bool differs, string? desired, string? observed, bool sensitive = false)
    {
        if (differs)
        {
            differences.Add(new FieldDifference(field, desired, observed, sensitive));
        }

        return this;
    }

    public Delta Build() => differences.Count == 0 ? Delta.Empty : new Delta([.. differences]);

    private static string? Format<TValue>(TValue value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
