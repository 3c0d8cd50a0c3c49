using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ebops.Operator.Entities.Schema;

namespace Ebops.Operator.Entities;

[Description("One check of the health gate: exactly one of ebHealth, targetHealth and http.")]
[CelRule("(has(self.ebHealth) ? 1 : 0) + (has(self.targetHealth) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1", Message = "spec.healthGate.checks: exactly one of ebHealth, targetHealth and http must be set")]
public sealed class HealthGateCheck
{
    [Description("Name of the check, unique in the gate (a DNS label, e.g. http-root).")]
    [Required]
    [MinLength(1)]
    [MaxLength(63)]
    [RegularExpression(Patterns.DnsLabel)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Description("Green's Elastic Beanstalk enhanced health must be at least minStatus.")]
    [JsonPropertyName("ebHealth")]
    public EbHealthCheck? EbHealth { get; set; }

    [Description("Green's ALB must be healthy in its NLB target group (NlbSwitch), or green's instances in their ALB target group (CnameSwap).")]
    [JsonPropertyName("targetHealth")]
    public TargetHealthCheck? TargetHealth { get; set; }

    [Description("An HTTP GET against green's environment URL.")]
    [JsonPropertyName("http")]
    public HttpCheck? Http { get; set; }
}
