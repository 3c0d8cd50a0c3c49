using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Elastic Beanstalk load balancer type.")]
[JsonConverter(typeof(JsonStringEnumConverter<EbLoadBalancerType>))]
public enum EbLoadBalancerType
{
    [JsonStringEnumMemberName("application")]
    Application,
}
