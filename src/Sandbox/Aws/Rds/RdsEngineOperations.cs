using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// What the region offers (<see cref="RdsEngineCatalog"/>): DescribeDBEngineVersions (Engine, EngineVersion as a full
/// or a major version, DBParameterGroupFamily, DefaultOnly, Filters db-parameter-group-family / engine /
/// engine-version / status) and DescribeOrderableDBInstanceOptions (Engine required; EngineVersion, DBInstanceClass,
/// LicenseModel, Vpc; MaxRecords 20-1000).
/// </summary>
internal sealed class RdsEngineOperations(RdsStores stores) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("DescribeDBEngineVersions", DescribeEngineVersions)
        .Add("DescribeOrderableDBInstanceOptions", DescribeOrderable);

    private SimResponse DescribeEngineVersions(SimRequest request, SimParams p)
    {
        var engine = p.Get("Engine");
        var version = p.Get("EngineVersion");
        var family = p.Get("DBParameterGroupFamily");
        var defaultOnly = p.Bool("DefaultOnly") ?? false;
        IEnumerable<RdsEngineVersion> selected = RdsEngineCatalog.Versions.Where(v =>
            (engine is null || v.Engine == engine)
            && (version is null || v.Version == version || v.MajorVersion == version)
            && (family is null || v.Family == family)
            && (!defaultOnly || v == RdsEngineCatalog.Resolve(v.Engine, version is null ? null : v.MajorVersion)));
        foreach (var (name, values) in RdsRequests.Filters(p))
        {
            selected = name switch
            {
                "db-parameter-group-family" => selected.Where(v => values.Contains(v.Family)),
                "engine" => selected.Where(v => values.Contains(v.Engine)),
                "engine-version" => selected.Where(v => values.Contains(v.Version)),
                "status" => selected.Where(v => values.Contains("available")),
                "engine-mode" => selected.Where(v => values.Contains("provisioned")),
                _ => throw SimErrors.Invalid($"Unrecognized filter name: {name}"),
            };
        }

        var page = RdsRequests.Page(stores.World, p, "db-engine-versions", [.. selected]);
        return QueryResponse(request, Opt("Marker", page.NextToken), E("DBEngineVersions", page.Items.Select(VersionXml)));
    }

    private SimResponse DescribeOrderable(SimRequest request, SimParams p)
    {
        var engine = p.Required("Engine");
        var license = p.Get("LicenseModel");
        var vpc = p.Bool("Vpc") ?? true;
        var options = RdsEngineCatalog.Orderable(engine, p.Get("EngineVersion"), p.Get("DBInstanceClass"))
            .Where(o => vpc && (license is null || o.Version.LicenseModel == license))
            .ToList();
        var page = RdsRequests.Page(stores.World, p, "orderable-options", options, max: 1000);
        var zones = stores.World.Network.DefaultSubnets()
            .Select(s => stores.World.Network.FindSubnet(s)?.AvailabilityZone).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return QueryResponse(request,
            E("OrderableDBInstanceOptions", page.Items.Select(o => OptionXml(o, zones))), Opt("Marker", page.NextToken));
    }

    private static XElement VersionXml(RdsEngineVersion v) =>
        E("DBEngineVersion",
            E("Engine", v.Engine),
            E("EngineVersion", v.Version),
            E("DBParameterGroupFamily", v.Family),
            E("DBEngineDescription", v.EngineDescription),
            E("DBEngineVersionDescription", v.VersionDescription),
            E("ValidUpgradeTarget", RdsEngineCatalog.UpgradeTargets(v).Select(t => E("UpgradeTarget",
                E("Engine", t.Engine),
                E("EngineVersion", t.Version),
                E("Description", t.VersionDescription),
                E("AutoUpgrade", false),
                E("IsMajorVersionUpgrade", t.MajorVersion != v.MajorVersion)))),
            Strings("ExportableLogTypes", v.Engine == "postgres" ? ["postgresql", "upgrade"] : ["audit", "error", "general", "slowquery"]),
            E("SupportsLogExportsToCloudwatchLogs", true),
            E("SupportsReadReplica", true),
            E("SupportedFeatureNames"),
            E("Status", "available"),
            E("SupportsParallelQuery", false),
            E("SupportsGlobalDatabases", false),
            E("MajorEngineVersion", v.MajorVersion),
            E("SupportsBabelfish", false),
            E("SupportsLimitlessDatabase", false),
            E("SupportsCertificateRotationWithoutRestart", true),
            Strings("SupportedCACertificateIdentifiers", ["rds-ca-2019", "rds-ca-ecc384-g1", "rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1"]),
            E("SupportsLocalWriteForwarding", false),
            E("SupportsIntegrations", false));

    private static XElement OptionXml(RdsOrderableOption o, IReadOnlyList<string> zones)
    {
        var (minStorage, maxStorage) = o.StorageType switch
        {
            "io1" => (100, 65536),
            "standard" => (5, 3072),
            _ => (20, 65536),
        };
        var iops = o.StorageType is "io1" or "gp3";
        return E("OrderableDBInstanceOption",
            E("Engine", o.Version.Engine),
            E("EngineVersion", o.Version.Version),
            E("DBInstanceClass", o.InstanceClass),
            E("LicenseModel", o.Version.LicenseModel),
            E("AvailabilityZones", zones.Select(z => E("AvailabilityZone", E("Name", z)))),
            E("MultiAZCapable", true),
            E("ReadReplicaCapable", true),
            E("Vpc", true),
            E("SupportsStorageEncryption", true),
            E("StorageType", o.StorageType),
            E("SupportsIops", iops),
            E("SupportsEnhancedMonitoring", true),
            E("SupportsIAMDatabaseAuthentication", true),
            E("SupportsPerformanceInsights", !o.InstanceClass.EndsWith(".micro", StringComparison.Ordinal)),
            E("MinStorageSize", minStorage),
            E("MaxStorageSize", maxStorage),
            iops ? E("MinIopsPerDbInstance", o.StorageType == "io1" ? 1000 : 3000) : null,
            iops ? E("MaxIopsPerDbInstance", o.StorageType == "io1" ? 256000 : 64000) : null,
            iops ? E("MinIopsPerGib", o.StorageType == "io1" ? 1.0 : 0.5) : null,
            iops ? E("MaxIopsPerGib", o.StorageType == "io1" ? 50.0 : 500.0) : null,
            Strings("SupportedEngineModes", ["provisioned"]),
            E("SupportsStorageAutoscaling", o.StorageType != "standard"),
            E("SupportsKerberosAuthentication", false),
            E("OutpostCapable", false),
            E("SupportsGlobalDatabases", false),
            E("SupportsClusters", false),
            Strings("SupportedNetworkTypes", ["IPV4", "DUAL"]),
            E("SupportsStorageThroughput", o.StorageType == "gp3"),
            o.StorageType == "gp3" ? E("MinStorageThroughputPerDbInstance", 125) : null,
            o.StorageType == "gp3" ? E("MaxStorageThroughputPerDbInstance", 4000) : null,
            o.StorageType == "gp3" ? E("MinStorageThroughputPerIops", 0.0) : null,
            o.StorageType == "gp3" ? E("MaxStorageThroughputPerIops", 0.25) : null,
            E("SupportsDedicatedLogVolume", o.Version.Engine == "mysql" && !o.InstanceClass.StartsWith("db.t", StringComparison.Ordinal)));
    }
}
