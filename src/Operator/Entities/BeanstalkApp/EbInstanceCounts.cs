using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("Instance counts by enhanced health status (DescribeEnvironmentHealth InstancesHealth).")]
public sealed class EbInstanceCounts
{
    [JsonPropertyName("ok")]
    [Description("Instances with status Ok.")]
    public int Ok { get; set; }

    [JsonPropertyName("info")]
    [Description("Instances with status Info.")]
    public int Info { get; set; }

    [JsonPropertyName("warning")]
    [Description("Instances with status Warning.")]
    public int Warning { get; set; }

    [JsonPropertyName("degraded")]
    [Description("Instances with status Degraded.")]
    public int Degraded { get; set; }

    [JsonPropertyName("severe")]
    [Description("Instances with status Severe.")]
    public int Severe { get; set; }

    [JsonPropertyName("pending")]
    [Description("Instances with status Pending.")]
    public int Pending { get; set; }

    [JsonPropertyName("noData")]
    [Description("Instances with status NoData.")]
    public int NoData { get; set; }

    [JsonPropertyName("unknown")]
    [Description("Instances with status Unknown.")]
    public int Unknown { get; set; }
}
