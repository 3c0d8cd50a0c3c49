using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Kinds whose security group can be a rule source.")]
[JsonConverter(typeof(JsonStringEnumConverter<SecurityGroupOwnerKind>))]
public enum SecurityGroupOwnerKind
{
    [JsonStringEnumMemberName("BeanstalkApp")]
    BeanstalkApp,
}
