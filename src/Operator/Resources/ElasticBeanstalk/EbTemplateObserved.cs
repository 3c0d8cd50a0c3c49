using System.Text;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// A configuration template as DescribeConfigurationSettings reports it (every option with its value, defaults
/// included), with the option catalogue of its platform. Values may be secrets: <see cref="ToString"/> prints none.
/// </summary>
public sealed record EbTemplateObserved(
    string ApplicationName,
    string TemplateName,
    string? SolutionStackName,
    string? PlatformArn,
    string? Description,
    IReadOnlyDictionary<EbOptionKey, string?> Settings,
    EbOptionCatalog Catalog,
    DateTimeOffset? DateUpdated)
{
    public string Platform => PlatformArn ?? SolutionStackName ?? "";

    /// <summary>The value the template holds for <paramref name="key"/>, or null.</summary>
    public string? ValueOf(EbOptionKey key) => Settings.TryGetValue(key, out var value) ? value : null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ApplicationName = ").Append(ApplicationName).Append(", TemplateName = ").Append(TemplateName)
            .Append(", Platform = ").Append(Platform).Append(", Settings = ").Append(Settings.Count);
        return true;
    }
}
