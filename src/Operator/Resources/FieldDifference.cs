namespace Ebops.Operator.Resources;

/// <summary>
/// One field where AWS differs from the desired state. <paramref name="Field"/> is the desired record's member name
/// (controllers map it to the spec path). A <paramref name="Sensitive"/> difference never shows its values.
/// </summary>
public sealed record FieldDifference(string Field, string? Desired, string? Observed, bool Sensitive = false)
{
    public override string ToString() => Sensitive
        ? $"{Field} differs"
        : $"{Field}: {Observed ?? "(none)"} -> {Desired ?? "(none)"}";
}
