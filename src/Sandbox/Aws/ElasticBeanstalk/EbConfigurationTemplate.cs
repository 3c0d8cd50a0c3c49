using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>A saved configuration template of an application.</summary>
internal sealed class EbConfigurationTemplate
{
    public required string ApplicationName { get; init; }

    public required string Name { get; init; }

    public required EbPlatform Platform { get; init; }

    public string? Description { get; set; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    public List<EbOptionSetting> Options { get; set; } = [];

    public TagList Tags { get; } = new();
}
