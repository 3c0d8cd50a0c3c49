using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// DB instance actions: CreateDBInstance, DescribeDBInstances, ModifyDBInstance, RebootDBInstance, DeleteDBInstance.
/// Lists use the model's locationNames: <c>VpcSecurityGroupIds.VpcSecurityGroupId.N</c>, <c>Tags.Tag.N.Key</c>,
/// <c>Filters.Filter.N.Values.Value.M</c>.
/// </summary>
internal sealed class RdsInstanceOperations(RdsStores stores) : ISimOperations
{
    private const string SecurityGroupList = "VpcSecurityGroupIds.VpcSecurityGroupId";

    public void Register(OperationTable table) => table
        .Add("CreateDBInstance", Create)
        .Add("DescribeDBInstances", Describe)
        .Add("ModifyDBInstance", Modify)
        .Add("RebootDBInstance", Reboot)
        .Add("DeleteDBInstance", Delete);

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var instance = stores.Instances.Create(new RdsCreateInstanceInput
        {
            Identifier = p.Required("DBInstanceIdentifier"),
            InstanceClass = p.Required("DBInstanceClass"),
            Engine = p.Required("Engine"),
            EngineVersion = p.Get("EngineVersion"),
            AllocatedStorage = p.Int("AllocatedStorage"),
            MasterUsername = p.Get("MasterUsername"),
            MasterUserPassword = p.Get("MasterUserPassword"),
            ManageMasterUserPassword = p.Bool("ManageMasterUserPassword") ?? false,
            DbName = p.Get("DBName"),
            Port = p.Int("Port"),
            SubnetGroupName = p.Get("DBSubnetGroupName"),
            SecurityGroupIds = p.List(SecurityGroupList),
            ParameterGroupName = p.Get("DBParameterGroupName"),
            AvailabilityZone = p.Get("AvailabilityZone"),
            PubliclyAccessible = p.Bool("PubliclyAccessible"),
            DeletionProtection = p.Bool("DeletionProtection"),
            MultiAz = p.Bool("MultiAZ"),
            BackupRetentionPeriod = p.Int("BackupRetentionPeriod"),
            StorageType = p.Get("StorageType"),
            PreferredBackupWindow = p.Get("PreferredBackupWindow"),
            PreferredMaintenanceWindow = p.Get("PreferredMaintenanceWindow"),
            Tags = p.Pairs("Tags.Tag"),
        });
        return Render(request, instance);
    }

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var found = stores.Instances.List(p.Get("DBInstanceIdentifier"), RdsRequests.Filters(p));
        var page = RdsRequests.Page(stores.World, p, "db-instances", found);
        return stores.Read(now => QueryResponse(request,
            E("DBInstances", page.Items.Select(i => InstanceXml(i, now))), Opt("Marker", page.NextToken)));
    }

    private SimResponse Modify(SimRequest request, SimParams p)
    {
        var instance = stores.Instances.Modify(new RdsModifyInstanceInput
        {
            Identifier = p.Required("DBInstanceIdentifier"),
            ApplyImmediately = p.Bool("ApplyImmediately") ?? false,
            AllowMajorVersionUpgrade = p.Bool("AllowMajorVersionUpgrade") ?? false,
            DeletionProtection = p.Bool("DeletionProtection"),
            SecurityGroupIds = p.List(SecurityGroupList),
            PubliclyAccessible = p.Bool("PubliclyAccessible"),
            ParameterGroupName = p.Get("DBParameterGroupName"),
            PreferredBackupWindow = p.Get("PreferredBackupWindow"),
            PreferredMaintenanceWindow = p.Get("PreferredMaintenanceWindow"),
            MasterUserPassword = p.Get("MasterUserPassword"),
            InstanceClass = p.Get("DBInstanceClass"),
            AllocatedStorage = p.Int("AllocatedStorage"),
            MultiAz = p.Bool("MultiAZ"),
            BackupRetentionPeriod = p.Int("BackupRetentionPeriod"),
            EngineVersion = p.Get("EngineVersion"),
        });
        return Render(request, instance);
    }

    private SimResponse Reboot(SimRequest request, SimParams p) =>
        Render(request, stores.Instances.Reboot(p.Required("DBInstanceIdentifier")));

    private SimResponse Delete(SimRequest request, SimParams p) =>
        Render(request, stores.Instances.Delete(
            p.Required("DBInstanceIdentifier"), p.Bool("SkipFinalSnapshot") ?? false, p.Get("FinalDBSnapshotIdentifier")));

    private SimResponse Render(SimRequest request, RdsInstance instance) =>
        stores.Read(now => QueryResponse(request, InstanceXml(instance, now)));

    private System.Xml.Linq.XElement InstanceXml(RdsInstance instance, DateTimeOffset now) =>
        RdsXml.Instance(instance, stores.SubnetGroups.Of(instance), stores.World.Network, now);
}
