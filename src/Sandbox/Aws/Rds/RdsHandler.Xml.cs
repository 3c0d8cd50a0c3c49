using System.Xml.Linq;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Response elements, in the order and with the names of the official model's output shapes.</summary>
internal sealed partial class RdsHandler
{
    private XElement InstanceXml(RdsInstance i, DateTimeOffset now)
    {
        var subnetGroup = subnetGroups.GetValueOrDefault(i.SubnetGroupName);
        var status = i.Status;
        return E("DBInstance",
            E("DBInstanceIdentifier", i.Identifier),
            E("DBInstanceClass", i.InstanceClass),
            E("Engine", i.Engine),
            E("DBInstanceStatus", status),
            E("MasterUsername", i.MasterUsername),
            Opt("DBName", i.DbName),
            status == RdsStatus.Creating ? null : E("Endpoint", E("Address", i.EndpointAddress), E("Port", i.Port), E("HostedZoneId", "ZLA2NUCOLGUUR")),
            E("AllocatedStorage", i.AllocatedStorage),
            status == RdsStatus.Creating ? null : E("InstanceCreateTime", i.CreatedAt),
            E("PreferredBackupWindow", i.PreferredBackupWindow),
            E("BackupRetentionPeriod", i.BackupRetentionPeriod),
            E("DBSecurityGroups"),
            E("VpcSecurityGroups", i.SecurityGroupIds.Select(g => E("VpcSecurityGroupMembership", E("VpcSecurityGroupId", g), E("Status", "active")))),
            E("DBParameterGroups", E("DBParameterGroup", E("DBParameterGroupName", i.ParameterGroupName), E("ParameterApplyStatus", ParameterStatus(i, now)))),
            E("AvailabilityZone", i.AvailabilityZone),
            subnetGroup is null ? null : SubnetGroupXml(subnetGroup),
            E("PreferredMaintenanceWindow", i.PreferredMaintenanceWindow),
            E("PendingModifiedValues", i.Pending.Select(kv => E(kv.Key, kv.Value))),
            E("MultiAZ", i.MultiAz),
            E("EngineVersion", i.EngineVersion),
            E("AutoMinorVersionUpgrade", true),
            E("ReadReplicaDBInstanceIdentifiers"),
            E("LicenseModel", i.Engine == "postgres" ? "postgresql-license" : "general-public-license"),
            E("OptionGroupMemberships", E("OptionGroupMembership",
                E("OptionGroupName", "default:" + i.Engine + "-" + Family(i.Engine, i.EngineVersion)[i.Engine.Length..].Replace('.', '-')),
                E("Status", "in-sync"))),
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
            TagListXml(i.Tags),
            E("BackupTarget", "region"),
            E("NetworkType", "IPV4"));
    }

    private XElement SubnetGroupXml(RdsSubnetGroup g) =>
        E("DBSubnetGroup",
            E("DBSubnetGroupName", g.Name),
            E("DBSubnetGroupDescription", g.Description),
            E("VpcId", g.VpcId),
            E("SubnetGroupStatus", "Complete"),
            E("Subnets", g.SubnetIds.Select(s => E("Subnet",
                E("SubnetIdentifier", s),
                E("SubnetAvailabilityZone", E("Name", world.Network.FindSubnet(s)?.AvailabilityZone ?? "")),
                E("SubnetOutpost"),
                E("SubnetStatus", "Active")))),
            E("DBSubnetGroupArn", g.Arn),
            E("SupportedNetworkTypes", E("member", "IPV4")));

    private static XElement SnapshotXml(RdsSnapshot s, DateTimeOffset now)
    {
        var status = SnapshotStatus(s, now);
        return E("DBSnapshot",
            E("DBSnapshotIdentifier", s.Identifier),
            E("DBInstanceIdentifier", s.InstanceIdentifier),
            E("SnapshotCreateTime", s.CreatedAt),
            E("Engine", s.Engine),
            E("AllocatedStorage", s.AllocatedStorage),
            E("Status", status),
            E("Port", s.Port),
            E("AvailabilityZone", s.AvailabilityZone),
            E("VpcId", s.VpcId),
            E("InstanceCreateTime", s.InstanceCreatedAt),
            E("MasterUsername", s.MasterUsername),
            E("EngineVersion", s.EngineVersion),
            E("LicenseModel", s.Engine == "postgres" ? "postgresql-license" : "general-public-license"),
            E("SnapshotType", s.SnapshotType),
            E("PercentProgress", status == RdsStatus.Available ? 100 : 0),
            E("StorageType", "gp2"),
            E("Encrypted", false),
            E("DBSnapshotArn", s.Arn),
            E("IAMDatabaseAuthenticationEnabled", false),
            TagListXml(s.Tags));
    }

    private static XElement TagListXml(Dictionary<string, string> tags) =>
        E("TagList", tags.Select(t => E("Tag", E("Key", t.Key), E("Value", t.Value))));
}
