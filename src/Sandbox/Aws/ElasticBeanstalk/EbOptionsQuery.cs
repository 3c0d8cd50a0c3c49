namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// DescribeConfigurationOptions as sent: the options of a platform (solution stack or ARN), a template or an
/// environment, optionally only those <see cref="Options"/> names (a namespace alone names all its options).
/// </summary>
internal sealed record EbOptionsQuery(
    string? ApplicationName,
    string? TemplateName,
    string? EnvironmentName,
    string? SolutionStackName,
    string? PlatformArn,
    IReadOnlyList<EbOptionSetting> Options);
