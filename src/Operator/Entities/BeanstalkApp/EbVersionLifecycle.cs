using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("Application version lifecycle (max count rule). Versions deployed to an environment are never deleted.")]
public sealed class EbVersionLifecycle
{
    [Description("Number of application versions to keep, 1-1000. Default: 20.")]
    [Default(20)]
    [Range(1, 1000)]
    [JsonPropertyName("maxCount")]
    public int MaxCount { get; set; } = 20;

    [Description("Also delete the source bundle from S3 when a version is deleted. Default: false.")]
    [Default(false)]
    [JsonPropertyName("deleteSourceFromS3")]
    public bool DeleteSourceFromS3 { get; set; }
}
