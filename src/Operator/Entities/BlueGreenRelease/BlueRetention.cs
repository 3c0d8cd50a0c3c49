using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("When the old environment is terminated after a cut-over: not before minSeconds, then once drained (if untilDrained), and at the latest after maxSeconds.")]
[CelRule("self.minSeconds <= self.maxSeconds", Message = "spec.strategy.blueRetention.minSeconds must be less than or equal to spec.strategy.blueRetention.maxSeconds", FieldPath = ".minSeconds")]
public sealed class BlueRetention
{
    [Description("Seconds to keep blue at least, 0-604800. Default: 300.")]
    [Default(300)]
    [Range(0, 604800)]
    [JsonPropertyName("minSeconds")]
    public int MinSeconds { get; set; } = 300;

    [Description("Also wait until blue's target group has no draining connections. Default: true.")]
    [Default(true)]
    [JsonPropertyName("untilDrained")]
    public bool UntilDrained { get; set; } = true;

    [Description("Seconds after which blue is terminated even if still draining, 0-604800. Default: 3600.")]
    [Default(3600)]
    [Range(0, 604800)]
    [JsonPropertyName("maxSeconds")]
    public int MaxSeconds { get; set; } = 3600;
}
