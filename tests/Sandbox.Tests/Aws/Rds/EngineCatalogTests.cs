namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>
/// What the region offers and the checks made against it (API reference: DescribeDBEngineVersions,
/// DescribeOrderableDBInstanceOptions, CreateDBInstance "DBInstanceClass ... Not all DB instance classes are available
/// in all AWS Regions, or for all database engines", CreateDBParameterGroup "DBParameterGroupFamily").
/// </summary>
public sealed class EngineCatalogTests
{
    [Fact]
    public async Task Engine_versions_list_mysql_8_0_and_8_4_with_their_families()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var versions = await rds.AllPagesAsync("DescribeDBEngineVersions", "DBEngineVersion", ("Engine", "mysql"), ("MaxRecords", "20"));
        var rows = versions.Select(v => (Version: Child(v, "EngineVersion"), Family: Child(v, "DBParameterGroupFamily"))).ToList();
        Assert.Contains(("8.0.40", "mysql8.0"), rows);
        Assert.Contains(rows, r => r.Version.StartsWith("8.4.", StringComparison.Ordinal) && r.Family == "mysql8.4");
        Assert.All(rows, r => Assert.Equal("mysql" + string.Join('.', r.Version.Split('.').Take(2)), r.Family));
        Assert.Equal(rows.Count, rows.Distinct().Count());

        var major = await rds.OkAsync("DescribeDBEngineVersions", ("Engine", "mysql"), ("EngineVersion", "8.4"));
        Assert.All(major.All("DBEngineVersion"), v => Assert.StartsWith("8.4.", Child(v, "EngineVersion"), StringComparison.Ordinal));
        var byFamily = await rds.OkAsync("DescribeDBEngineVersions", ("DBParameterGroupFamily", "mysql8.0"));
        Assert.All(byFamily.All("DBEngineVersion"), v => Assert.Equal("mysql", Child(v, "Engine")));
        var defaults = await rds.OkAsync("DescribeDBEngineVersions", ("Engine", "mysql"), ("DefaultOnly", "true"));
        Assert.Equal(["8.0.40"], defaults.All("DBEngineVersion").Select(v => Child(v, "EngineVersion")));

        var v840 = Assert.Single((await rds.OkAsync("DescribeDBEngineVersions", ("Engine", "mysql"), ("EngineVersion", "8.0.40"))).All("DBEngineVersion"));
        var targets = v840.Descendants().Where(e => e.Name.LocalName == "UpgradeTarget").ToList();
        Assert.Contains(targets, t => Child(t, "EngineVersion") == "8.0.41" && Child(t, "IsMajorVersionUpgrade") == "false");
        Assert.Contains(targets, t => Child(t, "EngineVersion").StartsWith("8.4.", StringComparison.Ordinal) && Child(t, "IsMajorVersionUpgrade") == "true");
        Assert.DoesNotContain(targets, t => Child(t, "EngineVersion") == "8.0.39");
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBEngineVersions",
            ("Filters.Filter.1.Name", "flavour"), ("Filters.Filter.1.Values.Value.1", "x")));
    }

    [Fact]
    public async Task Orderable_options_of_mysql_8_0_are_current_generation_classes_paginated()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var options = await rds.AllPagesAsync("DescribeOrderableDBInstanceOptions", "OrderableDBInstanceOption",
            ("Engine", "mysql"), ("EngineVersion", "8.0.40"), ("MaxRecords", "100"));
        var classes = options.Select(o => Child(o, "DBInstanceClass")).ToHashSet();
        Assert.Superset(new HashSet<string> { "db.t3.micro", "db.t4g.micro", "db.t4g.2xlarge", "db.m5.large", "db.m6g.16xlarge", "db.m7g.large", "db.r5.24xlarge", "db.r6g.large", "db.r7g.xlarge" }, classes);
        Assert.DoesNotContain("db.t2.micro", classes);
        Assert.All(options, o => Assert.Equal(("mysql", "8.0.40", "general-public-license"), (Child(o, "Engine"), Child(o, "EngineVersion"), Child(o, "LicenseModel"))));
        Assert.Contains(options, o => Child(o, "DBInstanceClass") == "db.t4g.micro" && Child(o, "StorageType") == "gp3");

        var t2 = await rds.OkAsync("DescribeOrderableDBInstanceOptions", ("Engine", "mysql"), ("DBInstanceClass", "db.t2.micro"));
        Assert.NotEmpty(t2.All("OrderableDBInstanceOption"));
        Assert.All(t2.All("EngineVersion"), v => Assert.StartsWith("5.7.", v.Value, StringComparison.Ordinal));
        Assert.Empty((await rds.OkAsync("DescribeOrderableDBInstanceOptions", ("Engine", "mysql"), ("DBInstanceClass", "db.nope.huge"))).All("OrderableDBInstanceOption"));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeOrderableDBInstanceOptions", ("Engine", "mysql"), ("MaxRecords", "1001")));
    }

    [Fact]
    public async Task Create_rejects_an_unknown_class_an_unsupported_combination_and_an_unknown_version()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var unknown = await rds.FailureAsync("CreateDBInstance", Create("orders", "db.nope.huge", "8.0.40"));
        Assert.Equal((400, "InvalidParameterValue", "Invalid DB Instance class: db.nope.huge"), unknown);

        var combination = await rds.FailureAsync("CreateDBInstance", Create("orders", "db.t2.micro", "8.0.40"));
        Assert.Equal((400, "InvalidParameterCombination"), (combination.Status, combination.Code));
        Assert.StartsWith("RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t2.micro, " +
            "Engine=mysql, EngineVersion=8.0.40, LicenseModel=general-public-license.", combination.Message, StringComparison.Ordinal);

        Assert.Equal((400, "InvalidParameterCombination", "Cannot find version 8.0.99 for mysql"),
            await rds.FailureAsync("CreateDBInstance", Create("orders", "db.t4g.micro", "8.0.99")));
        Assert.Equal((404, "DBInstanceNotFound"), await rds.ErrorAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders")));
    }

    [Theory]
    [InlineData("8.0", "8.0.40", "default.mysql8.0")]
    [InlineData("8.4", "8.4.4", "default.mysql8.4")]
    [InlineData("8.4.5", "8.4.5", "default.mysql8.4")]
    public async Task A_major_version_means_its_default_minor(string requested, string version, string group)
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var created = await rds.OkAsync("CreateDBInstance", Create("orders", "db.t4g.micro", requested));
        Assert.Equal((version, group), (created.Value("EngineVersion"), created.Value("DBParameterGroupName")));
    }

    [Fact]
    public async Task Modify_checks_class_and_version_and_upgrades_a_major_only_when_allowed()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateMySqlAsync("orders");
        await rds.StatusAsync("orders");
        (string, string) Id = ("DBInstanceIdentifier", "orders");
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("ModifyDBInstance", Id, ("DBInstanceClass", "db.nope.huge")));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", Id, ("DBInstanceClass", "db.t2.micro")));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", Id, ("EngineVersion", "8.0.35")));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", Id, ("EngineVersion", "8.0.99")));
        var major = await rds.FailureAsync("ModifyDBInstance", Id, ("EngineVersion", "8.4.4"));
        Assert.Equal((400, "InvalidParameterCombination", "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version."), major);

        var minor = await rds.OkAsync("ModifyDBInstance", Id, ("EngineVersion", "8.0.41"));
        Assert.Equal(("8.0.40", "8.0.41"), (Child(minor.All("DBInstance")[0], "EngineVersion"), Child(minor.All("PendingModifiedValues")[0], "EngineVersion")));
        await rds.OkAsync("ModifyDBInstance", Id, ("EngineVersion", "8.4.4"), ("AllowMajorVersionUpgrade", "true"), ("ApplyImmediately", "true"));
        var upgraded = await rds.OkAsync("DescribeDBInstances", Id);
        Assert.Equal(("8.4.4", "default.mysql8.4", "in-sync", "available"), (upgraded.Value("EngineVersion"),
            upgraded.Value("DBParameterGroupName"), upgraded.Value("ParameterApplyStatus"), upgraded.Value("DBInstanceStatus")));
        Assert.Empty(upgraded.All("PendingModifiedValues")[0].Elements());
    }

    [Fact]
    public async Task A_major_upgrade_from_a_custom_group_needs_a_group_of_the_new_family()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateGroupAsync("orders-80");
        await rds.CreateGroupAsync("orders-84", "mysql8.4");
        await rds.CreateMySqlAsync("orders", extra: ("DBParameterGroupName", "orders-80"));
        await rds.StatusAsync("orders");
        (string, string)[] upgrade = [("DBInstanceIdentifier", "orders"), ("EngineVersion", "8.4.4"), ("AllowMajorVersionUpgrade", "true"), ("ApplyImmediately", "true")];
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", upgrade));
        Assert.Equal((400, "InvalidParameterCombination"), await rds.ErrorAsync("ModifyDBInstance", [.. upgrade, ("DBParameterGroupName", "orders-80")]));
        await rds.OkAsync("ModifyDBInstance", [.. upgrade, ("DBParameterGroupName", "orders-84")]);
        var upgraded = await rds.OkAsync("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));
        Assert.Equal(("8.4.4", "orders-84"), (upgraded.Value("EngineVersion"), upgraded.Value("DBParameterGroupName")));
    }

    [Fact]
    public async Task Parameter_group_families_are_those_of_the_engine_versions()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var failure = await rds.FailureAsync("CreateDBParameterGroup",
            ("DBParameterGroupName", "p1"), ("DBParameterGroupFamily", "mysql1.0"), ("Description", "d"));
        Assert.Equal((400, "InvalidParameterValue", "ParameterGroupFamily mysql1.0 is not a valid parameter group family"), failure);
        Assert.Equal((404, "DBParameterGroupNotFound"), await rds.ErrorAsync("DescribeDBParameterGroups", ("DBParameterGroupName", "default.mysql1.0")));
        var families = (await rds.OkAsync("DescribeDBEngineVersions")).All("DBParameterGroupFamily").Select(e => e.Value).Distinct().ToList();
        foreach (var family in families)
        {
            await rds.CreateGroupAsync("p-" + family.Replace('.', '-'), family);
        }

        Assert.Superset(new HashSet<string> { "mysql5.7", "mysql8.0", "mysql8.4", "postgres16", "mariadb10.11" }, families.ToHashSet());
    }

    private static string Child(System.Xml.Linq.XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

    private static (string, string)[] Create(string id, string instanceClass, string version) =>
    [
        ("DBInstanceIdentifier", id), ("DBInstanceClass", instanceClass), ("Engine", "mysql"), ("EngineVersion", version),
        ("AllocatedStorage", "20"), ("MasterUsername", "admin"), ("MasterUserPassword", "Initial-Passw0rd"),
    ];
}
