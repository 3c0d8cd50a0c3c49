namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>DescribeEnvironments' filters; terminated environments are listed for an hour unless IncludeDeleted is false.</summary>
internal sealed record EbEnvironmentQuery(
    string? ApplicationName,
    string? VersionLabel,
    IReadOnlyList<string> EnvironmentIds,
    IReadOnlyList<string> EnvironmentNames,
    bool IncludeDeleted,
    DateTimeOffset? IncludedDeletedBackTo);
