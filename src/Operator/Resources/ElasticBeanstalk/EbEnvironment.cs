using Ebops.Operator.Aws.ElasticBeanstalk;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// An Elastic Beanstalk environment as DescribeEnvironments reports it. <see cref="Color"/> comes from the name
/// (<c>&lt;application&gt;-blue</c> / <c>-green</c>, see <see cref="EnvironmentManager.NameFor"/>).
/// </summary>
public sealed record EbEnvironment(
    string Name,
    string Id,
    string ApplicationName,
    string? Arn,
    string Status,
    string? Health,
    string? HealthStatus,
    string? VersionLabel,
    string? Cname,
    string? EndpointUrl,
    string? TemplateName,
    string? SolutionStackName,
    string? PlatformArn,
    DateTimeOffset? DateCreated,
    DateTimeOffset? DateUpdated,
    bool AbortableOperationInProgress)
{
    /// <summary><see cref="EnvironmentManager.Blue"/> or <see cref="EnvironmentManager.Green"/> when the name ends with one; else null.</summary>
    public string? Color => EnvironmentManager.ColorOf(ApplicationName, Name);

    public bool IsReady => Status == ElasticBeanstalkStatuses.EnvironmentReady;

    /// <summary>Launching, Updating, Terminating, ...: EB refuses changes until it is Ready again.</summary>
    public bool IsTransitional => ElasticBeanstalkStatuses.EnvironmentTransitional.Contains(Status);

    public bool IsTerminatingOrTerminated =>
        Status is ElasticBeanstalkStatuses.EnvironmentTerminating or ElasticBeanstalkStatuses.EnvironmentTerminated;

    internal static EbEnvironment From(EnvironmentDescription e) => new(
        e.EnvironmentName ?? "",
        e.EnvironmentId ?? "",
        e.ApplicationName ?? "",
        e.EnvironmentArn,
        e.Status ?? "",
        e.Health,
        e.HealthStatus,
        e.VersionLabel,
        e.CNAME,
        e.EndpointURL,
        e.TemplateName,
        e.SolutionStackName,
        e.PlatformArn,
        e.DateCreated,
        e.DateUpdated,
        e.AbortableOperationInProgress ?? false);
}
