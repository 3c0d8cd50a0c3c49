using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The health gate: every check is measured each interval; the gate passes after consecutiveSuccesses rounds in which all checks pass, and fails the release after failureLimit failed rounds.")]
public sealed class HealthGate
{
    [Description("Seconds between rounds of checks, 5-3600. Default: 15.")]
    [Default(15)]
    [Range(5, 3600)]
    [JsonPropertyName("intervalSeconds")]
    public int IntervalSeconds { get; set; } = 15;

    [Description("Consecutive passing rounds needed, 1-100. Default: 3.")]
    [Default(3)]
    [Range(1, 100)]
    [JsonPropertyName("consecutiveSuccesses")]
    public int ConsecutiveSuccesses { get; set; } = 3;

    [Description("Failed rounds (not necessarily consecutive) that abort the release, 1-100. Default: 3.")]
    [Default(3)]
    [Range(1, 100)]
    [JsonPropertyName("failureLimit")]
    public int FailureLimit { get; set; } = 3;

    [Description("Largest share of 5xx answers green may give while baking, in percent of its requests (Elastic Beanstalk application metrics), 0-100. Default: 1.")]
    [Default(1)]
    [Range(0, 100)]
    [JsonPropertyName("maxErrorPercent")]
    public int MaxErrorPercent { get; set; } = 1;

    [Description("The checks, each with a unique name and exactly one of ebHealth, targetHealth and http. Empty: ebHealth minStatus Ok plus targetHealth (when a frontend is used).")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    [JsonPropertyName("checks")]
    public List<HealthGateCheck>? Checks { get; set; }
}
