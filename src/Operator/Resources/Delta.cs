namespace Ebops.Operator.Resources;

/// <summary>The pure result of comparing desired with observed: each differing field, in a stable order.</summary>
public sealed class Delta
{
    public static Delta Empty { get; } = new([]);

    public Delta(IReadOnlyList<FieldDifference> differences) => Differences = differences;

    public IReadOnlyList<FieldDifference> Differences { get; }

    public bool IsEmpty => Differences.Count == 0;

    /// <summary>True when <paramref name="field"/> differs.</summary>
    public bool Has(string field) => Differences.Any(d => string.Equals(d.Field, field, StringComparison.Ordinal));

    /// <summary>The names of the differing fields.</summary>
    public IReadOnlyList<string> Fields => [.. Differences.Select(d => d.Field)];

    public override string ToString() => IsEmpty ? "(in sync)" : string.Join("; ", Differences);
}
