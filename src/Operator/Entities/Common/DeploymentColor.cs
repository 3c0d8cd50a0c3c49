using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

/// <summary>The two environments of a blue/green pair.</summary>
[Description("One of the two environments of a blue/green pair: blue or green.")]
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentColor>))]
public enum DeploymentColor
{
    [JsonStringEnumMemberName("blue")]
    Blue,

    [JsonStringEnumMemberName("green")]
    Green,
}
