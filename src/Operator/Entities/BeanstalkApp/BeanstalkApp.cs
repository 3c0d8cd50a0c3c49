using k8s.Models;

namespace Ebops.Operator.Entities;

/// <summary>An Elastic Beanstalk application with its blue and green environments.</summary>
[KubernetesEntity(Group = EbopsApi.Group, ApiVersion = EbopsApi.Version, Kind = KindName, PluralName = Plural)]
public sealed class BeanstalkApp : CustomResource<BeanstalkAppSpec, BeanstalkAppStatus>
{
    public const string KindName = "BeanstalkApp";
    public const string Plural = "beanstalkapps";

    public BeanstalkApp() => Kind = KindName;
}
