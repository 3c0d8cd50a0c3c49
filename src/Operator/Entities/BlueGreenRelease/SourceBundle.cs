using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("An S3 object holding an application bundle, in the same region as the application.")]
public sealed class SourceBundle
{
    [Description("S3 bucket name, 3-63 lower-case letters, digits, dots and hyphens.")]
    [Required]
    [MinLength(3)]
    [MaxLength(63)]
    [RegularExpression(Patterns.S3Bucket)]
    [JsonPropertyName("s3Bucket")]
    public string S3Bucket { get; set; } = "";

    [Description("S3 object key, e.g. myapp/myapp-1.0.1.zip.")]
    [Required]
    [MinLength(1)]
    [MaxLength(1024)]
    [JsonPropertyName("s3Key")]
    public string S3Key { get; set; } = "";
}
