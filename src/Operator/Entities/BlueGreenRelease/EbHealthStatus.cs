using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("An acceptable Elastic Beanstalk enhanced health status, best first.")]
[JsonConverter(typeof(JsonStringEnumConverter<EbHealthStatus>))]
public enum EbHealthStatus
{
    [JsonStringEnumMemberName("Ok")]
    Ok,

    [JsonStringEnumMemberName("Info")]
    Info,

    [JsonStringEnumMemberName("Warning")]
    Warning,
}
