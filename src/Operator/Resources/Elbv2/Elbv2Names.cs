namespace Ebops.Operator.Resources.Elbv2;

/// <summary>
/// Deterministic ELBv2 names (at most 32 letters, digits and hyphens, not starting or ending with a hyphen): the same
/// owner always gets the same names, so a restart or a lost response finds what an earlier attempt created.
/// </summary>
internal static class Elbv2Names
{
    public const int MaxLength = 32;

    /// <summary>The NLB of <paramref name="owner"/>: <c>&lt;cluster&gt;-&lt;namespace&gt;-&lt;name&gt;</c>, fitted.</summary>
    public static string LoadBalancer(ResourceOwner owner) =>
        AwsNames.Compose(MaxLength, AwsNames.Alphanumeric, owner.Cluster, owner.Namespace, owner.Name);

    /// <summary>
    /// A target group of <paramref name="owner"/> ending in <c>-&lt;suffix&gt;</c> (for example <c>-blue</c>): the
    /// owner part is fitted first, so the suffix always stays readable.
    /// </summary>
    public static string TargetGroup(ResourceOwner owner, string suffix) =>
        AwsNames.Compose(MaxLength - suffix.Length - 1, AwsNames.Alphanumeric, owner.Cluster, owner.Namespace, owner.Name) + "-" + suffix;
}
