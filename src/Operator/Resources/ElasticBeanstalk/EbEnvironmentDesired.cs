namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// An environment to create from a configuration template and an application version.
/// <paramref name="OptionOverrides"/> are applied on top of the template (for example
/// <c>aws:autoscaling:asg MinSize</c> = blue's instance count). <paramref name="Tags"/> are the owner's ownership
/// tags plus what the caller adds (<see cref="EnvironmentManager.ReleaseTag"/>,
/// <see cref="EnvironmentManager.ConfigurationHashTag"/>).
/// </summary>
public sealed record EbEnvironmentDesired(
    string ApplicationName,
    string EnvironmentName,
    string TemplateName,
    string VersionLabel,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<EbTemplateOption> OptionOverrides,
    string? CnamePrefix = null,
    string? Description = null);
