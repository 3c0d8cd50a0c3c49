using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("How traffic moves from blue to green.")]
[JsonConverter(typeof(JsonStringEnumConverter<CutoverMethod>))]
public enum CutoverMethod
{
    /// <summary>Modify the NlbFrontend's listener to forward to green's target group (static IPs, instant).</summary>
    [JsonStringEnumMemberName("NlbSwitch")]
    NlbSwitch,

    /// <summary>Shift new connections to green step by step with NLB weighted target groups (static IPs), comparing green
    /// with blue at each step.</summary>
    [JsonStringEnumMemberName("NlbWeighted")]
    NlbWeighted,

    /// <summary>Swap the environments' CNAMEs (DNS; clients follow after their TTL).</summary>
    [JsonStringEnumMemberName("CnameSwap")]
    CnameSwap,
}
