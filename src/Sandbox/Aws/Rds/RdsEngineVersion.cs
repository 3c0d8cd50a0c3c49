namespace Ebops.Sandbox.Aws.Rds;

/// <summary>One engine version RDS offers (a row of DescribeDBEngineVersions).</summary>
/// <param name="Engine">mysql, mariadb or postgres.</param>
/// <param name="Version">The full version, e.g. 8.0.40 or 5.7.44-rds.20240808.</param>
/// <param name="MajorVersion">8.0, 5.7, 10.11, 16.</param>
/// <param name="Family">The DB parameter group family, e.g. mysql8.0.</param>
/// <param name="IsDefault">The version chosen when a caller names only the engine or the major version.</param>
/// <param name="Order">Position among the engine's versions, oldest first (upgrades go up).</param>
internal sealed record RdsEngineVersion(string Engine, string Version, string MajorVersion, string Family, bool IsDefault, int Order)
{
    public string LicenseModel => Engine == "postgres" ? "postgresql-license" : "general-public-license";

    public string EngineDescription => Engine switch
    {
        "postgres" => "PostgreSQL",
        "mariadb" => "MariaDb Community Edition",
        _ => "MySQL Community Edition",
    };

    public string VersionDescription => Engine switch
    {
        "postgres" => "PostgreSQL " + Version + "-R1",
        "mariadb" => "MariaDB " + Version,
        _ => "MySQL " + Version,
    };
}
