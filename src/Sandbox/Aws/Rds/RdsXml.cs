using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Response elements shared by several RDS operations, in the order and with the names of the official model's
/// output shapes (DBInstance, DBSubnetGroup, TagList).</summary>
internal static class RdsXml
{
    public static XElement Instance(RdsInstance i, RdsSubnetGroup? subnetGroup, ISimNetwork network, DateTimeOffset now)
    {
        var status = i.Status;
        var creating = status == RdsStatus.Creating;
        return E("DBInstance",
            E("DBInstanceIdentifier", i.Identifier),
            E("DBInstanceClass", i.InstanceClass),
            E("Engine", i.Engine),
            E("DBInstanceStatus", status),
            E("MasterUsername", i.MasterUsername),
            Opt("DBName", i.DbName),
            creating ? null : E("Endpoint", E("Address", i.EndpointAddress), E("Port", i.Port), E("HostedZoneId", "ZLA2NUCOLGUUR")),
            E("AllocatedStorage", i.AllocatedStorage),
            creating ? null : E("InstanceCreateTime", i.CreatedAt),
            E("PreferredBackupWindow", i.PreferredBackupWindow),
            E("BackupRetentionPeriod", i.BackupRetentionPeriod),
            E("DBSecurityGroups"),
            E("VpcSecurityGroups", i.SecurityGroupIds.Select(g => E("VpcSecurityGroupMembership", E("VpcSecurityGroupId", g), E("Status", "active")))),
            E("DBParameterGroups", E("DBParameterGroup", E("DBParameterGroupName", i.ParameterGroupName), E("ParameterApplyStatus", i.ParameterApplyStatus(now)))),
            E("AvailabilityZone", i.AvailabilityZone),
            subnetGroup is null ? null : SubnetGroup(subnetGroup, network),
            E("PreferredMaintenanceWindow", i.PreferredMaintenanceWindow),
            E("PendingModifiedValues", i.Pending.Select(kv => E(kv.Key, kv.Value))),
            E("MultiAZ", i.MultiAz),
            E("EngineVersion", i.EngineVersion),
            E("AutoMinorVersionUpgrade", true),
            E("ReadReplicaDBInstanceIdentifiers"),
            E("LicenseModel", i.Engine == "postgres" ? "postgresql-license" : "general-public-license"),
            E("OptionGroupMemberships", E("OptionGroupMembership", E("OptionGroupName", OptionGroup(i)), E("Status", "in-sync"))),
            E("PubliclyAccessible", i.PubliclyAccessible),
            E("StorageType", i.StorageType),
            E("DbInstancePort", 0),
            E("StorageEncrypted", false),
            E("DbiResourceId", i.ResourceId),
            E("CACertificateIdentifier", "rds-ca-rsa2048-g1"),
            E("CopyTagsToSnapshot", false),
            E("MonitoringInterval", 0),
            E("DBInstanceArn", i.Arn),
            E("IAMDatabaseAuthenticationEnabled", false),
            E("PerformanceInsightsEnabled", false),
            E("DeletionProtection", i.DeletionProtection),
            E("AssociatedRoles"),
            TagList(i.Tags),
            E("BackupTarget", "region"),
            E("NetworkType", "IPV4"));
    }

    public static XElement SubnetGroup(RdsSubnetGroup g, ISimNetwork network) =>
        E("DBSubnetGroup",
            E("DBSubnetGroupName", g.Name),
            E("DBSubnetGroupDescription", g.Description),
            E("VpcId", g.VpcId),
            E("SubnetGroupStatus", "Complete"),
            E("Subnets", g.SubnetIds.Select(s => E("Subnet",
                E("SubnetIdentifier", s),
                E("SubnetAvailabilityZone", E("Name", network.FindSubnet(s)?.AvailabilityZone ?? "")),
                E("SubnetOutpost"),
                E("SubnetStatus", "Active")))),
            E("DBSubnetGroupArn", g.Arn),
            E("SupportedNetworkTypes", E("member", "IPV4")));

    public static XElement TagList(IEnumerable<KeyValuePair<string, string>> tags) =>
        E("TagList", tags.Select(t => E("Tag", E("Key", t.Key), E("Value", t.Value))));

    /// <summary>default:mysql-8-0 for mysql 8.0.x, default:postgres-16 for postgres 16.x.</summary>
    private static string OptionGroup(RdsInstance i)
    {
        var major = RdsEngineCatalog.Resolve(i.Engine, i.EngineVersion)?.MajorVersion ?? i.EngineVersion;
        return "default:" + i.Engine + "-" + major.Replace('.', '-');
    }
}
