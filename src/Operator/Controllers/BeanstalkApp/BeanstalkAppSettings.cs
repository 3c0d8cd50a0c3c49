namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>BeanstalkApp-only settings (configuration section <c>Controllers:BeanstalkApp</c>). Defaults are declared here.</summary>
public sealed class BeanstalkAppSettings
{
    public const string SectionName = "Controllers:BeanstalkApp";

    /// <summary>
    /// Every how many polls the whole configuration template is compared with the spec (DescribeConfigurationSettings)
    /// when nothing it depends on changed; a spec, database or Secret change compares at once. Default: 6.
    /// </summary>
    public int TemplateCompareEvery { get; set; } = 6;
}
