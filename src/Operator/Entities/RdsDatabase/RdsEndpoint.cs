using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The DB instance endpoint.")]
public sealed class RdsEndpoint
{
    [Description("DNS name of the instance.")]
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [Description("TCP port, 3306 for MySQL.")]
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
