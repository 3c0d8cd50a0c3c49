using System.Xml.Linq;

namespace Ebops.Sandbox.Tests.Aws.Rds;

/// <summary>
/// The mysql8.0 parameter catalogue and ModifyDBParameterGroup's checks (API reference: DescribeDBParameters "Source:
/// user | system | engine-default", MaxRecords 20-100; Parameter "AllowedValues", "ApplyType", "DataType",
/// "IsModifiable"; ModifyDBParameterGroup "You can use the immediate value with dynamic parameters only"; RDS User
/// Guide "Local time zone for MySQL DB instances").
/// </summary>
public sealed class ParameterCatalogTests
{
    [Fact]
    public async Task The_mysql_8_0_catalogue_describes_every_parameter_with_its_type_and_allowed_values()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        var parameters = (await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "default.mysql8.0"), ("MaxRecords", "100")))
            .ToDictionary(p => Child(p, "ParameterName"));
        Assert.True(parameters.Count >= 300, $"{parameters.Count} parameters");
        Assert.Equal(parameters.Keys.Order(StringComparer.Ordinal), parameters.Keys);
        Assert.All(parameters.Values, p =>
        {
            Assert.Contains(Child(p, "DataType"), new[] { "string", "integer", "float", "boolean", "list" });
            Assert.Contains(Child(p, "ApplyType"), new[] { "static", "dynamic" });
            Assert.Contains(Child(p, "Source"), new[] { "system", "engine-default" });
            Assert.Contains(Child(p, "IsModifiable"), new[] { "true", "false" });
        });
        Assert.All(parameters.Values.Where(p => Child(p, "DataType") == "boolean"), p => Assert.Equal("0,1", Child(p, "AllowedValues")));

        Assert.Equal(("integer", "1-100000", "dynamic", "system", "{DBInstanceClassMemory/12582880}"), Row(parameters["max_connections"]));
        Assert.Equal(("string", "ROW,STATEMENT,MIXED", "dynamic", "system", "ROW"), Row(parameters["binlog_format"]));
        Assert.Equal(("integer", "1-65535", "static", "engine-default", ""), Row(parameters["back_log"]));
        Assert.Equal("list", Child(parameters["sql_mode"], "DataType"));
        Assert.Contains("STRICT_TRANS_TABLES", Child(parameters["sql_mode"], "AllowedValues").Split(','));
        Assert.Equal("false", Child(parameters["datadir"], "IsModifiable"));

        var zones = Child(parameters["time_zone"], "AllowedValues").Split(',');
        Assert.Equal(87, zones.Length);
        Assert.Superset(new HashSet<string> { "Asia/Seoul", "Asia/Tokyo", "UTC", "US/Pacific", "US/East-Indiana", "Europe/Sarajevo", "America/Buenos_Aires", "Canada/Yukon" },
            zones.ToHashSet());
        Assert.DoesNotContain("Europe/London", zones);
    }

    [Fact]
    public async Task Source_filters_and_pages_the_parameters()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateGroupAsync("orders");
        Assert.Equal(200, (await rds.SetAsync("orders", "time_zone", "Asia/Seoul")).Status);
        var system = await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders"), ("Source", "system"));
        Assert.NotEmpty(system);
        Assert.All(system, p => Assert.Equal("system", Child(p, "Source")));
        var user = Assert.Single(await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders"), ("Source", "user")));
        Assert.Equal(("time_zone", "Asia/Seoul", "immediate"), (Child(user, "ParameterName"), Child(user, "ParameterValue"), Child(user, "ApplyMethod")));
        var engineDefault = await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders"), ("Source", "engine-default"));
        Assert.DoesNotContain(engineDefault, p => Child(p, "ParameterName") == "time_zone");

        var first = await rds.OkAsync("DescribeDBParameters", ("DBParameterGroupName", "orders"), ("MaxRecords", "20"));
        Assert.Equal(20, first.All("Parameter").Count);
        var second = await rds.OkAsync("DescribeDBParameters", ("DBParameterGroupName", "orders"), ("MaxRecords", "20"), ("Marker", first.Value("Marker")!));
        Assert.Empty(first.All("ParameterName").Select(e => e.Value).Intersect(second.All("ParameterName").Select(e => e.Value)));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBParameters", ("DBParameterGroupName", "orders"), ("MaxRecords", "19")));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBParameters", ("DBParameterGroupName", "orders"), ("MaxRecords", "101")));
        Assert.Equal((400, "InvalidParameterValue"), await rds.ErrorAsync("DescribeDBParameters", ("DBParameterGroupName", "orders"), ("Source", "everything")));

        var defaults = await rds.AllPagesAsync("DescribeEngineDefaultParameters", "Parameter", ("DBParameterGroupFamily", "mysql8.0"));
        Assert.Equal(system.Count + engineDefault.Count + 1, defaults.Count);
    }

    [Theory]
    [InlineData("time_zone", "Mars/Base", "immediate", "InvalidParameterValue")]
    [InlineData("time_zone", "Europe/London", "immediate", "InvalidParameterValue")]
    [InlineData("time_zone", "Asia/Seoul", "immediate", null)]
    [InlineData("max_connections", "abc", "immediate", "InvalidParameterValue")]
    [InlineData("max_connections", "0", "immediate", "InvalidParameterValue")]
    [InlineData("max_connections", "100001", "immediate", "InvalidParameterValue")]
    [InlineData("max_connections", "2.5", "immediate", "InvalidParameterValue")]
    [InlineData("max_connections", "100000", "immediate", null)]
    [InlineData("max_connections", "{DBInstanceClassMemory/25165760}", "immediate", null)]
    [InlineData("max_allowed_packet", "1023", "immediate", "InvalidParameterValue")]
    [InlineData("max_allowed_packet", "1073741824", "immediate", null)]
    [InlineData("autocommit", "2", "immediate", "InvalidParameterValue")]
    [InlineData("autocommit", "ON", "immediate", "InvalidParameterValue")]
    [InlineData("autocommit", "0", "immediate", null)]
    [InlineData("binlog_format", "ROWS", "immediate", "InvalidParameterValue")]
    [InlineData("binlog_format", "MIXED", "immediate", null)]
    [InlineData("transaction_isolation", "READ-COMMITTED", "immediate", null)]
    [InlineData("sql_mode", "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION", "immediate", null)]
    [InlineData("sql_mode", "STRICT_TRANS_TABLES,LAX", "immediate", "InvalidParameterValue")]
    [InlineData("long_query_time", "0.5", "immediate", null)]
    [InlineData("long_query_time", "-1", "immediate", "InvalidParameterValue")]
    [InlineData("character_set_server", "utf8mb4", "immediate", null)]
    [InlineData("character_set_server", "klingon", "immediate", "InvalidParameterValue")]
    [InlineData("collation_server", "utf8mb4_0900_ai_ci", "immediate", null)]
    [InlineData("datadir", "/tmp", "pending-reboot", "InvalidParameterValue")]
    [InlineData("no_such_parameter", "1", "immediate", "InvalidParameterValue")]
    [InlineData("innodb_log_buffer_size", "16777216", "immediate", "InvalidParameterCombination")]
    [InlineData("innodb_log_buffer_size", "16777216", "pending-reboot", null)]
    [InlineData("innodb_log_buffer_size", "1024", "pending-reboot", "InvalidParameterValue")]
    [InlineData("wait_timeout", "600", "later", "InvalidParameterValue")]
    public async Task Modify_checks_each_value_against_the_catalogue(string name, string value, string method, string? error)
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateGroupAsync("orders");
        var reply = await rds.SetAsync("orders", name, value, method);
        Assert.Equal(error, reply.Status == 200 ? null : reply.ErrorCode);
        var user = await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders"), ("Source", "user"));
        Assert.Equal(error is null ? [value] : [], user.Select(p => Child(p, "ParameterValue")));
    }

    [Fact]
    public async Task A_rejected_value_names_the_parameter_and_its_allowed_values_and_stores_nothing()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateGroupAsync("orders");
        var failure = await rds.FailureAsync("ModifyDBParameterGroup", ("DBParameterGroupName", "orders"),
            ("Parameters.Parameter.1.ParameterName", "max_connections"), ("Parameters.Parameter.1.ParameterValue", "200"),
            ("Parameters.Parameter.1.ApplyMethod", "immediate"),
            ("Parameters.Parameter.2.ParameterName", "time_zone"), ("Parameters.Parameter.2.ParameterValue", "Mars/Base"),
            ("Parameters.Parameter.2.ApplyMethod", "immediate"));
        Assert.Equal((400, "InvalidParameterValue"), (failure.Status, failure.Code));
        Assert.StartsWith("Invalid parameter value: Mars/Base for: time_zone allowed values are: Africa/Cairo,", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders"), ("Source", "user")));

        Assert.Equal((400, "InvalidParameterCombination", "cannot use immediate apply method for static parameter"),
            await FailureOf(rds.SetAsync("orders", "innodb_log_buffer_size", "16777216")));
        Assert.Equal((400, "InvalidParameterValue", "Cannot modify a default parameter group."),
            await FailureOf(rds.SetAsync("default.mysql8.0", "time_zone", "Asia/Seoul")));
        Assert.Equal((400, "InvalidParameterValue", "Could not find parameter with name: no_such_parameter"),
            await FailureOf(rds.SetAsync("orders", "no_such_parameter", "1")));
    }

    [Fact]
    public async Task The_mysql_8_4_family_is_the_8_0_catalogue_with_its_differences()
    {
        await using var host = await SimHost.StartAsync();
        var rds = new RdsClient(host);
        await rds.CreateGroupAsync("orders-84", "mysql8.4");
        var parameters = (await rds.AllPagesAsync("DescribeDBParameters", "Parameter", ("DBParameterGroupName", "orders-84")))
            .ToDictionary(p => Child(p, "ParameterName"));
        Assert.True(parameters.Count >= 300, $"{parameters.Count} parameters");
        Assert.DoesNotContain("default_authentication_plugin", parameters.Keys);
        Assert.Equal("1", Child(parameters["require_secure_transport"], "ParameterValue"));
        Assert.Equal(200, (await rds.SetAsync("orders-84", "time_zone", "Asia/Seoul")).Status);
        Assert.Equal((400, "InvalidParameterValue", "Could not find parameter with name: default_authentication_plugin"),
            await FailureOf(rds.SetAsync("orders-84", "default_authentication_plugin", "caching_sha2_password")));
    }

    private static async Task<(int, string?, string?)> FailureOf(Task<SimReply> call)
    {
        var reply = await call;
        return (reply.Status, reply.ErrorCode, reply.Value("Message"));
    }

    private static (string, string, string, string, string) Row(XElement p) =>
        (Child(p, "DataType"), Child(p, "AllowedValues"), Child(p, "ApplyType"), Child(p, "Source"), Child(p, "ParameterValue"));

    private static string Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
}
