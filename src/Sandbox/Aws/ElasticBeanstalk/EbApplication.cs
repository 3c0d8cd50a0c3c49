using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>A simulated EB application.</summary>
internal sealed class EbApplication
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public string? Description { get; set; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>ResourceLifecycleConfig: service role and the version lifecycle rules.</summary>
    public string? ServiceRole { get; set; }

    public bool MaxCountEnabled { get; set; }

    public int MaxCount { get; set; } = 200;

    public bool MaxCountDeleteSource { get; set; }

    public bool MaxAgeEnabled { get; set; }

    public int MaxAgeInDays { get; set; } = 180;

    public bool MaxAgeDeleteSource { get; set; }

    public TagList Tags { get; } = new();
}
