namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>One EB event. Events of an operation are recorded when it starts, dated when each step happens; describes
/// show only those dated up to now.</summary>
internal sealed record EbEvent(
    DateTimeOffset Date,
    long Sequence,
    string Severity,
    string Message,
    string ApplicationName,
    string? EnvironmentName,
    string? VersionLabel,
    string? TemplateName,
    string? RequestId);
