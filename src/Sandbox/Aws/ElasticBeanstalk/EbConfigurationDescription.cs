namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>One ConfigurationSettingsDescription: a template's, or an environment's (DeploymentStatus <c>deployed</c>).</summary>
internal sealed record EbConfigurationDescription(
    EbPlatform Platform,
    string Application,
    string? Template,
    string? Environment,
    string? Description,
    string? DeploymentStatus,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    IReadOnlyList<EbOptionSetting> Options);
