using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("The NLB listener.")]
public sealed class NlbListener
{
    [Description("Listener port, 1-65535. Default: 80.")]
    [Default(80)]
    [Range(1, 65535)]
    [JsonPropertyName("port")]
    public int Port { get; set; } = 80;

    [Description("Listener protocol. Only TCP (alb-type target groups require it). Default: TCP.")]
    [Default("TCP")]
    [JsonPropertyName("protocol")]
    public NlbProtocol Protocol { get; set; } = NlbProtocol.Tcp;
}
