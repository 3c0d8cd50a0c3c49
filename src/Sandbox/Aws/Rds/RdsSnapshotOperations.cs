using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>DB snapshot actions: DescribeDBSnapshots, DeleteDBSnapshot (snapshots come from DeleteDBInstance's
/// FinalDBSnapshotIdentifier).</summary>
internal sealed class RdsSnapshotOperations(RdsStores stores) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("DescribeDBSnapshots", Describe)
        .Add("DeleteDBSnapshot", Delete);

    private SimResponse Describe(SimRequest request, SimParams p)
    {
        var found = stores.Snapshots.List(p.Get("DBSnapshotIdentifier"), p.Get("DBInstanceIdentifier"), p.Get("SnapshotType"));
        var page = RdsRequests.Page(stores.World, p, "db-snapshots", found);
        return stores.Read(now => QueryResponse(request,
            E("DBSnapshots", page.Items.Select(s => SnapshotXml(s, now))), Opt("Marker", page.NextToken)));
    }

    private SimResponse Delete(SimRequest request, SimParams p)
    {
        var snapshot = stores.Snapshots.Delete(p.Required("DBSnapshotIdentifier"));
        return stores.Read(now => QueryResponse(request, SnapshotXml(snapshot, now)));
    }

    private static XElement SnapshotXml(RdsSnapshot s, DateTimeOffset now)
    {
        var status = s.StatusAt(now);
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
            RdsXml.TagList(s.Tags));
    }
}
