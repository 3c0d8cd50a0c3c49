using k8s.Models;

namespace Ebops.Operator.Entities;

/// <summary>A Network Load Balancer with one Elastic IP per subnet in front of a BeanstalkApp's ALBs.</summary>
[KubernetesEntity(Group = EbopsApi.Group, ApiVersion = EbopsApi.Version, Kind = KindName, PluralName = Plural)]
public sealed class NlbFrontend : CustomResource<NlbFrontendSpec, NlbFrontendStatus>
{
    public const string KindName = "NlbFrontend";
    public const string Plural = "nlbfrontends";

    public NlbFrontend() => Kind = KindName;
}
