using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("An HTTP GET against green before it gets traffic (its environment URL) and through the frontend after.")]
public sealed class HttpCheck
{
    [Description("Path requested. Default: /.")]
    [Default("/")]
    [MaxLength(1024)]
    [RegularExpression(Patterns.UrlPath)]
    [JsonPropertyName("path")]
    public string Path { get; set; } = "/";

    [Description("Expected status codes: 200, 200,302 or 200-399. Default: 200-399.")]
    [Default("200-399")]
    [MaxLength(64)]
    [RegularExpression(Patterns.HttpCodes)]
    [JsonPropertyName("expectStatus")]
    public string ExpectStatus { get; set; } = "200-399";

    [Description("Text the response body must contain (its first 64 KiB), for example {\"version\": \"{version}\"}; {version} stands for green's version label. Unset: the body is not read.")]
    [MaxLength(256)]
    [JsonPropertyName("expectBody")]
    public string? ExpectBody { get; set; }

    [Description("Seconds before the request counts as failed, 1-60. Default: 5.")]
    [Default(5)]
    [Range(1, 60)]
    [JsonPropertyName("timeoutSeconds")]
    public int TimeoutSeconds { get; set; } = 5;
}
