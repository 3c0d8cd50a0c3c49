using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("NLB listener protocol.")]
[JsonConverter(typeof(JsonStringEnumConverter<NlbProtocol>))]
public enum NlbProtocol
{
    [JsonStringEnumMemberName("TCP")]
    Tcp,
}
