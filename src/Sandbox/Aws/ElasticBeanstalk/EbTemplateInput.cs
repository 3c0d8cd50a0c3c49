namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// CreateConfigurationTemplate as sent: the template's platform and base settings come from a solution stack or
/// platform ARN, another template (<see cref="Source"/>), or a running environment.
/// </summary>
internal sealed record EbTemplateInput(
    string ApplicationName,
    string Name,
    string? SolutionStackName,
    string? PlatformArn,
    (string Application, string Template)? Source,
    string? EnvironmentId,
    string? Description,
    IReadOnlyList<EbOptionSetting> Options,
    IReadOnlyList<KeyValuePair<string, string>> Tags);
