using k8s.Models;

namespace Ebops.Operator.Entities;

/// <summary>An RDS for MySQL DB instance with its parameter group, security group and connection Secret.</summary>
[KubernetesEntity(Group = EbopsApi.Group, ApiVersion = EbopsApi.Version, Kind = KindName, PluralName = Plural)]
public sealed class RdsDatabase : CustomResource<RdsDatabaseSpec, RdsDatabaseStatus>
{
    public const string KindName = "RdsDatabase";
    public const string Plural = "rdsdatabases";

    public RdsDatabase() => Kind = KindName;
}
