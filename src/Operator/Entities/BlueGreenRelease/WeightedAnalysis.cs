using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("How green is compared with blue over the same window at each weighted step (Elastic Beanstalk application metrics of both environments). A failed comparison sets green's weight to 0 at once.")]
public sealed class WeightedAnalysis
{
    [Description("Largest 5xx share green may have, in percent of its requests, whatever blue does, 0-100. Default: 5.")]
    [Default(5)]
    [Range(0, 100)]
    [JsonPropertyName("maxErrorPercent")]
    public int MaxErrorPercent { get; set; } = 5;

    [Description("How many percentage points green's 5xx share may exceed blue's, 0-100. Default: 1.")]
    [Default(1)]
    [Range(0, 100)]
    [JsonPropertyName("maxErrorPercentOverBlue")]
    public int MaxErrorPercentOverBlue { get; set; } = 1;

    [Description("How much slower green's p99 latency may be than blue's, in percent, 0-10000; 0 turns the latency comparison off. Default: 50.")]
    [Default(50)]
    [Range(0, 10000)]
    [JsonPropertyName("maxP99IncreasePercent")]
    public int MaxP99IncreasePercent { get; set; } = 50;

    [Description("Requests green must have served in the window for a comparison to count, 0-100000. Default: 20.")]
    [Default(20)]
    [Range(0, 100000)]
    [JsonPropertyName("minRequests")]
    public int MinRequests { get; set; } = 20;
}
