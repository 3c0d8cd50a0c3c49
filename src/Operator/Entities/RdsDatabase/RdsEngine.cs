using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Database engine.")]
[JsonConverter(typeof(JsonStringEnumConverter<RdsEngine>))]
public enum RdsEngine
{
    [JsonStringEnumMemberName("mysql")]
    Mysql,
}
