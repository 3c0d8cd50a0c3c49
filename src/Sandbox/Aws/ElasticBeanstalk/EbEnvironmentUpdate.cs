namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>UpdateEnvironment as sent (the environment by id or name).</summary>
internal sealed record EbEnvironmentUpdate(
    string? EnvironmentId,
    string? EnvironmentName,
    string? Description,
    string? VersionLabel,
    string? TemplateName,
    IReadOnlyList<EbOptionSetting> Options,
    IReadOnlyList<EbOptionSetting> OptionsToRemove);
