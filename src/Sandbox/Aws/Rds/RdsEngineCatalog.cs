namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The engine versions and instance classes the simulated region offers (DescribeDBEngineVersions,
/// DescribeOrderableDBInstanceOptions), and the checks CreateDBInstance and ModifyDBInstance make against them.
/// Versions: the RDS for MySQL, MariaDB and PostgreSQL release calendars (MySQL 5.7 under Extended Support, 8.0, 8.4);
/// classes: the RDS User Guide's "Supported DB engines for DB instance classes" for the current generations
/// (db.t2 only for MySQL 5.7, db.m7g/db.r7g from MySQL 8.0, no deprecated db.m4/db.r4).
/// </summary>
internal static class RdsEngineCatalog
{
    private static readonly string[] BurstableSizes = ["micro", "small", "medium", "large", "xlarge", "2xlarge"];
    private static readonly string[] IntelSizes = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];
    private static readonly string[] Intel6Sizes = [.. IntelSizes, "32xlarge"];
    private static readonly string[] GravitonSizes = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

    private static readonly IReadOnlyList<string> MySql57Classes = Classes(
        ("t2", BurstableSizes), ("t3", BurstableSizes), ("t4g", BurstableSizes), ("m5", IntelSizes), ("m6g", GravitonSizes),
        ("m6i", Intel6Sizes), ("r5", IntelSizes), ("r6g", GravitonSizes), ("r6i", Intel6Sizes));

    private static readonly IReadOnlyList<string> CurrentClasses = Classes(
        ("t3", BurstableSizes), ("t4g", BurstableSizes), ("m5", IntelSizes), ("m5d", IntelSizes), ("m6g", GravitonSizes),
        ("m6gd", GravitonSizes), ("m6i", Intel6Sizes), ("m7g", GravitonSizes), ("r5", IntelSizes), ("r6g", GravitonSizes),
        ("r6i", Intel6Sizes), ("r7g", GravitonSizes));

    private static readonly HashSet<string> AllClasses = [.. MySql57Classes, .. CurrentClasses];

    /// <summary>The engines CreateDBInstance accepts.</summary>
    public static IReadOnlyList<string> Engines { get; } = ["mariadb", "mysql", "postgres"];

    /// <summary>The storage types every class is orderable with.</summary>
    public static IReadOnlyList<string> StorageTypes { get; } = ["gp2", "gp3", "io1", "standard"];

    /// <summary>Every version, grouped by engine, oldest first.</summary>
    public static IReadOnlyList<RdsEngineVersion> Versions { get; } =
    [
        .. Engine("mariadb", "10.6.19", "*10.11.9", "10.11.10", "11.4.4"),
        .. Engine("mysql", "5.7.44-rds.20240408", "5.7.44-rds.20240529", "*5.7.44-rds.20240808", "5.7.44-rds.20250103",
            "8.0.32", "8.0.33", "8.0.34", "8.0.35", "8.0.36", "8.0.37", "8.0.39", "*8.0.40", "8.0.41", "8.0.42",
            "8.4.3", "*8.4.4", "8.4.5"),
        .. Engine("postgres", "*15.8", "15.10", "*16.4", "16.6", "17.2"),
    ];

    /// <summary>True when <paramref name="family"/> is the parameter group family of some engine version.</summary>
    public static bool IsFamily(string family) => Versions.Any(v => v.Family == family);

    /// <summary>True when the class is orderable for some engine in the region (else AWS answers "Invalid DB Instance class").</summary>
    public static bool IsKnownClass(string instanceClass) => AllClasses.Contains(instanceClass);

    /// <summary>
    /// The version a caller means: none → the engine's default; a major version (8.0, 16) → that major's default; else
    /// the exact version. Null when the engine has no such version.
    /// </summary>
    public static RdsEngineVersion? Resolve(string engine, string? version)
    {
        var versions = Versions.Where(v => v.Engine == engine).ToList();
        if (version is null)
        {
            return versions.FirstOrDefault(v => v.IsDefault && v.Family == DefaultFamily(engine));
        }

        return versions.FirstOrDefault(v => v.Version == version)
            ?? versions.FirstOrDefault(v => v.MajorVersion == version && v.IsDefault);
    }

    /// <summary>The classes orderable for a version.</summary>
    public static IReadOnlyList<string> ClassesFor(RdsEngineVersion version) =>
        version.Engine == "mysql" && version.MajorVersion == "5.7" ? MySql57Classes : CurrentClasses;

    /// <summary>The versions an instance can be upgraded to: later minors of its major, and the next major.</summary>
    public static IReadOnlyList<RdsEngineVersion> UpgradeTargets(RdsEngineVersion from)
    {
        var later = Versions.Where(v => v.Engine == from.Engine && v.Order > from.Order).ToList();
        var nextMajor = later.FirstOrDefault(v => v.MajorVersion != from.MajorVersion)?.MajorVersion;
        return [.. later.Where(v => v.MajorVersion == from.MajorVersion || v.MajorVersion == nextMajor)];
    }

    /// <summary>Every orderable option of <paramref name="engine"/>, optionally narrowed to a version and a class.</summary>
    public static IEnumerable<RdsOrderableOption> Orderable(string engine, string? version, string? instanceClass) =>
        from v in Versions
        where v.Engine == engine && (version is null || v.Version == version)
        from c in ClassesFor(v)
        where instanceClass is null || c == instanceClass
        from s in StorageTypes
        select new RdsOrderableOption(v, c, s);

    private static string DefaultFamily(string engine) => engine switch
    {
        "postgres" => "postgres16",
        "mariadb" => "mariadb10.11",
        _ => "mysql8.0",
    };

    /// <summary>Versions of one engine, oldest first; "*x" marks the default of x's major version, and a major without
    /// a mark defaults to its newest version.</summary>
    private static IEnumerable<RdsEngineVersion> Engine(string engine, params string[] versions)
    {
        var rows = versions.Select(v => (Version: v.TrimStart('*'), Marked: v.StartsWith('*'))).ToList();
        var defaults = rows.GroupBy(r => Major(engine, r.Version)).ToDictionary(
            g => g.Key, g => g.Where(r => r.Marked).Select(r => r.Version).DefaultIfEmpty(g.Last().Version).First());
        return rows.Select((r, i) =>
        {
            var major = Major(engine, r.Version);
            return new RdsEngineVersion(engine, r.Version, major, engine + major, defaults[major] == r.Version, i);
        });
    }

    /// <summary>mysql 8.0.40 → 8.0; postgres 16.4 → 16; mariadb 10.11.9 → 10.11.</summary>
    private static string Major(string engine, string version)
    {
        var parts = version.Split('.');
        return engine == "postgres" ? parts[0] : parts[0] + "." + parts[1];
    }

    private static IReadOnlyList<string> Classes(params (string Family, string[] Sizes)[] families) =>
        [.. families.SelectMany(f => f.Sizes.Select(s => $"db.{f.Family}.{s}"))];
}
