namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>An Elastic Beanstalk application as DescribeApplications reports it.</summary>
public sealed record EbApplicationObserved(
    string Name,
    string Arn,
    string? ServiceRoleArn,
    EbVersionLifecycleRule? Lifecycle,
    IReadOnlyList<string> ConfigurationTemplates,
    IReadOnlyList<string> Versions)
{
    /// <summary>The account that owns the application (from its ARN), or null.</summary>
    public string? AccountId => Arn.Split(':') is { Length: > 5 } parts ? parts[4] : null;

    /// <summary>The partition of the application's ARN (<c>aws</c>, <c>aws-cn</c>, ...), or <c>aws</c>.</summary>
    public string Partition => Arn.Split(':') is { Length: > 5 } parts ? parts[1] : "aws";

    /// <summary>The region of the application's ARN, or null.</summary>
    public string? Region => Arn.Split(':') is { Length: > 5 } parts ? parts[3] : null;

    internal static EbApplicationObserved From(Aws.ElasticBeanstalk.ApplicationDescription application)
    {
        var rule = application.ResourceLifecycleConfig?.VersionLifecycleConfig?.MaxCountRule;
        return new EbApplicationObserved(
            application.ApplicationName ?? "",
            application.ApplicationArn ?? "",
            application.ResourceLifecycleConfig?.ServiceRole,
            rule is { Enabled: true } ? new EbVersionLifecycleRule(rule.MaxCount ?? 0, rule.DeleteSourceFromS3 ?? false) : null,
            application.ConfigurationTemplates ?? [],
            application.Versions ?? []);
    }
}
