namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>CreateApplicationVersion as sent.</summary>
internal sealed record EbVersionInput(
    string ApplicationName,
    string Label,
    string? Description,
    string? S3Bucket,
    string? S3Key,
    bool AutoCreateApplication,
    bool Process,
    IReadOnlyList<KeyValuePair<string, string>> Tags);
