using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("One step of a weighted shift: green's share of new connections and how long to watch it.")]
public sealed class TrafficStep
{
    [Description("Percent of new connections to green, 1-100.")]
    [Required]
    [Range(1, 100)]
    [JsonPropertyName("weight")]
    public int Weight { get; set; }

    [Description("Seconds to watch this step (the health gate and the analysis keep running) before the next, 0-86400. Absent: wait for a promote signal.")]
    [Range(0, 86400)]
    [JsonPropertyName("pauseSeconds")]
    public int? PauseSeconds { get; set; }
}
