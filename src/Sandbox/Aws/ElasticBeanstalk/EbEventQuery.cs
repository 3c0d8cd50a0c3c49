namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEvents' filters (each null when not sent); <see cref="Severity"/> is the minimum level.</summary>
internal sealed record EbEventQuery(
    string? ApplicationName,
    string? VersionLabel,
    string? TemplateName,
    string? EnvironmentId,
    string? EnvironmentName,
    string? RequestId,
    string? Severity,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime);
