namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>CreateEnvironment as sent.</summary>
internal sealed record EbEnvironmentInput(
    string ApplicationName,
    string Name,
    string? CnamePrefix,
    string? Description,
    string? SolutionStackName,
    string? PlatformArn,
    string? TemplateName,
    string? VersionLabel,
    string? TierName,
    IReadOnlyList<EbOptionSetting> Options,
    IReadOnlyList<EbOptionSetting> OptionsToRemove,
    IReadOnlyList<KeyValuePair<string, string>> Tags);
