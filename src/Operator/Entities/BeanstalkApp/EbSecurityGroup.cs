using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Ebops.Operator.Entities;

[Description("The app's own security group, owned by this resource and attached to the instances of every environment (aws:autoscaling:launchconfiguration SecurityGroups). It outlives blue/green environments and is what an RdsDatabase's fromSecurityGroupOf allows. Rules not listed here are removed.")]
public sealed class EbSecurityGroup
{
    [Description("Inbound rules, e.g. port 22 from an admin CIDR. Traffic from the environment's own load balancer is allowed by Elastic Beanstalk's group.")]
    [MaxLength(20)]
    [JsonPropertyName("ingress")]
    public List<EbIngressRule>? Ingress { get; set; }
}
