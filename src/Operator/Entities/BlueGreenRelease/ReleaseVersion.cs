using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("An application version: its label and source bundle.")]
public sealed class ReleaseVersion
{
    [Description("Elastic Beanstalk version label, 1-100 characters without '/'. A label names one bundle forever.")]
    [Required]
    [MinLength(1)]
    [MaxLength(100)]
    [RegularExpression("^[^/]+$")]
    [JsonPropertyName("label")]
    public string Label { get; set; } = "";

    [Description("Where the application bundle (zip or jar) is in S3.")]
    [Required]
    [JsonPropertyName("sourceBundle")]
    public SourceBundle SourceBundle { get; set; } = new();
}
