using System.ComponentModel;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("A check on Elastic Beanstalk enhanced health.")]
public sealed class EbHealthCheck
{
    [Description("Worst acceptable enhanced health status: Ok (only Ok), Info (Ok or Info) or Warning (Ok, Info or Warning). Default: Ok.")]
    [Default("Ok")]
    [JsonPropertyName("minStatus")]
    public EbHealthStatus MinStatus { get; set; } = EbHealthStatus.Ok;
}
