namespace Ebops.Operator.Tests.Reliability;

/// <summary>One fuzz case: the kind whose manifest is changed and the changes (1 to 3).</summary>
internal sealed record FuzzCase(int Number, string Kind, IReadOnlyList<SpecMutation> Mutations)
{
    /// <summary>The names of this case's objects start with this (unique per case within a world).</summary>
    public string Prefix => $"fz{Number}";
}
