using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Tests.Resources.Rds;

public sealed class ParameterCatalogTests
{
    private static readonly ParameterCatalog Catalog = new("mysql8.0", new Dictionary<string, ParameterDefinition>
    {
        ["time_zone"] = new("time_zone", "string", "Asia/Seoul,Europe/Paris,UTC,US/Pacific,Africa/Abidjan,Africa/Accra,America/Denver,America/Lima,Asia/Tokyo", true, "dynamic"),
        ["max_connections"] = new("max_connections", "integer", "1-100000", true, "dynamic"),
        ["innodb_log_buffer_size"] = new("innodb_log_buffer_size", "integer", "262144-4294967295", true, "static"),
        ["long_query_time"] = new("long_query_time", "float", "0-31536000", true, "dynamic"),
        ["slow_query_log"] = new("slow_query_log", "boolean", "0,1", true, "dynamic"),
        ["sql_mode"] = new("sql_mode", "list", "STRICT_TRANS_TABLES,NO_ZERO_DATE,ANSI_QUOTES", true, "dynamic"),
        ["init_connect"] = new("init_connect", "string", null, true, "dynamic"),
        ["datadir"] = new("datadir", "string", null, false, "static"),
        ["auto_increment_offset"] = new("auto_increment_offset", "integer", "-5-5,10", true, "dynamic"),
    });

    [Theory]
    [InlineData("time_zone", "Asia/Seoul")]
    [InlineData("time_zone", "asia/seoul")]
    [InlineData("max_connections", "500")]
    [InlineData("max_connections", "{DBInstanceClassMemory/12582880}")]
    [InlineData("long_query_time", "0.5")]
    [InlineData("slow_query_log", "1")]
    [InlineData("sql_mode", "STRICT_TRANS_TABLES,NO_ZERO_DATE")]
    [InlineData("init_connect", "SET NAMES utf8mb4")]
    [InlineData("auto_increment_offset", "-3")]
    [InlineData("auto_increment_offset", "10")]
    public void Allowed_values_pass(string name, string value) => Assert.Null(Catalog.Check(name, value));

    [Theory]
    [InlineData("time_zone", "Mars/Olympus_Mons", "is not an allowed value of time_zone (allowed: Asia/Seoul, Europe/Paris, UTC, US/Pacific, Africa/Abidjan, Africa/Accra, America/Denver, America/Lima, ... (9 values))")]
    [InlineData("max_connections", "0", "is not an allowed value of max_connections (allowed: 1-100000)")]
    [InlineData("max_connections", "many", "is not an allowed value")]
    [InlineData("long_query_time", "fast", "is not an allowed value")]
    [InlineData("slow_query_log", "true", "allowed: 0, 1")]
    [InlineData("sql_mode", "STRICT_TRANS_TABLES,NOT_A_MODE", "is not an allowed value of sql_mode")]
    [InlineData("datadir", "/tmp", "datadir is managed by RDS and cannot be modified")]
    [InlineData("no_such_parameter", "1", "mysql8.0 has no parameter no_such_parameter")]
    [InlineData("auto_increment_offset", "7", "is not an allowed value")]
    public void Anything_else_is_refused_with_a_reason(string name, string value, string reason) =>
        Assert.Contains(reason, Catalog.Check(name, value), StringComparison.Ordinal);

    [Theory]
    [InlineData("innodb_log_buffer_size", "pending-reboot")]
    [InlineData("max_connections", "immediate")]
    public void Static_parameters_apply_at_the_next_reboot_and_dynamic_ones_immediately(string name, string method) =>
        Assert.Equal(method, Catalog.Find(name)!.ApplyMethod);
}
