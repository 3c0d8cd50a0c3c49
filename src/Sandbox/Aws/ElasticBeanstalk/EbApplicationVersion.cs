using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>A simulated application version (source bundle in the simulated S3).</summary>
internal sealed class EbApplicationVersion
{
    public required string ApplicationName { get; init; }

    public required string Label { get; init; }

    public required string Arn { get; init; }

    public string? Description { get; set; }

    public string? S3Bucket { get; init; }

    public string? S3Key { get; init; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>When processing finishes (null: Process was false).</summary>
    public DateTimeOffset? ProcessedAt { get; init; }

    public TagList Tags { get; } = new();

    public string StatusAt(DateTimeOffset now)
        => ProcessedAt is not { } at ? EbConstants.Unprocessed : now >= at ? EbConstants.Processed : EbConstants.Processing;
}
