namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// A secret value (a master password) on its way to AWS. It never prints itself: <see cref="ToString"/> says
/// <c>(redacted)</c>, so a record holding one can be logged or put in an exception without leaking it. Equality is
/// by reference, so records holding one never compare secrets.
/// </summary>
public sealed class SecretText(string value)
{
    /// <summary>The value, for the one call that sends it.</summary>
    public string Reveal() => value;

    public override string ToString() => "(redacted)";
}
