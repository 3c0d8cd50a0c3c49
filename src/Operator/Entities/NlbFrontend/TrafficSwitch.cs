using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("A switch of the listener from one colour to the other.")]
public sealed class TrafficSwitch
{
    [Description("Colour traffic left.")]
    [JsonPropertyName("from")]
    public DeploymentColor? From { get; set; }

    [Description("Colour traffic went to.")]
    [JsonPropertyName("to")]
    public DeploymentColor? To { get; set; }

    [Description("When the listener was modified.")]
    [JsonPropertyName("at")]
    public DateTimeOffset? At { get; set; }

    [Description("Until when connections to the old colour may still be draining.")]
    [JsonPropertyName("drainingUntil")]
    public DateTimeOffset? DrainingUntil { get; set; }
}
