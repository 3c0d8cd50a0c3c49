namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Identifies one configuration option: namespace, option name and, for options scoped to a resource (a scheduled
/// action, a listener rule), the resource name. Printed as <c>namespace/OptionName</c> or
/// <c>namespace/OptionName/resource</c>.
/// </summary>
public readonly record struct EbOptionKey(string Namespace, string OptionName, string? ResourceName = null)
{
    public override string ToString() =>
        string.IsNullOrEmpty(ResourceName) ? $"{Namespace}/{OptionName}" : $"{Namespace}/{OptionName}/{ResourceName}";

    /// <summary>The key <see cref="ToString"/> printed; null when <paramref name="text"/> has no '/'.</summary>
    public static EbOptionKey? Parse(string text)
    {
        // Namespaces contain ':' but never '/'; option names may contain spaces but not '/'.
        var parts = text.Split('/', 3);
        return parts.Length switch
        {
            2 => new EbOptionKey(parts[0], parts[1]),
            3 => new EbOptionKey(parts[0], parts[1], parts[2]),
            _ => null,
        };
    }

    /// <summary>Equal keys compare ordinally; an empty resource name is the same as none.</summary>
    public bool Equals(EbOptionKey other) =>
        string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
        && string.Equals(OptionName, other.OptionName, StringComparison.Ordinal)
        && string.Equals(ResourceName ?? "", other.ResourceName ?? "", StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Namespace, OptionName, ResourceName ?? "");
}
