namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// The engine parameters the simulator knows, with RDS's apply type (dynamic: can apply immediately; static: needs a
/// reboot). A modification naming any other parameter fails like AWS ("Could not find parameter with name").
/// </summary>
internal static class RdsParameterCatalog
{
    public static IReadOnlyDictionary<string, (string ApplyType, string DataType, string? Default, string Description)> MySql { get; } =
        new Dictionary<string, (string, string, string?, string)>(StringComparer.Ordinal)
        {
            ["autocommit"] = (RdsStatus.Dynamic, "boolean", null, "Sets the autocommit mode"),
            ["binlog_format"] = (RdsStatus.Dynamic, "string", "ROW", "What form of binary logging the master will use."),
            ["character_set_client"] = (RdsStatus.Dynamic, "string", null, "The character set for statements that arrive from the client."),
            ["character_set_database"] = (RdsStatus.Dynamic, "string", null, "The character set used by the default database."),
            ["character_set_server"] = (RdsStatus.Dynamic, "string", null, "The server's default character set."),
            ["collation_server"] = (RdsStatus.Dynamic, "string", null, "The server's default collation."),
            ["event_scheduler"] = (RdsStatus.Dynamic, "string", "OFF", "Indicates the status of the Event Scheduler"),
            ["general_log"] = (RdsStatus.Dynamic, "boolean", null, "Whether the general query log is enabled"),
            ["innodb_buffer_pool_size"] = (RdsStatus.Static, "integer", "{DBInstanceClassMemory*3/4}", "The size in bytes of the memory buffer innodb uses to cache data and indexes of its tables"),
            ["innodb_file_per_table"] = (RdsStatus.Dynamic, "boolean", "1", "Use tablespaces or files for Innodb."),
            ["innodb_lock_wait_timeout"] = (RdsStatus.Dynamic, "integer", null, "Timeout in seconds an innodb transaction may wait for a row lock before giving up"),
            ["innodb_log_buffer_size"] = (RdsStatus.Static, "integer", "8388608", "The size in bytes of the buffer that InnoDB uses to write to the log files on disk."),
            ["innodb_print_all_deadlocks"] = (RdsStatus.Dynamic, "boolean", null, "Print all deadlocks to the error log."),
            ["local_infile"] = (RdsStatus.Dynamic, "boolean", "1", "Controls whether LOCAL is supported for LOAD DATA INFILE"),
            ["log_bin_trust_function_creators"] = (RdsStatus.Dynamic, "boolean", null, "Enforces restrictions on stored functions / triggers"),
            ["long_query_time"] = (RdsStatus.Dynamic, "float", null, "Defines what MySQL considers long queries"),
            ["lower_case_table_names"] = (RdsStatus.Static, "integer", null, "Affects how table names are stored and compared"),
            ["max_allowed_packet"] = (RdsStatus.Dynamic, "integer", null, "This value by default is small, to catch large (possibly incorrect) packets."),
            ["max_connections"] = (RdsStatus.Dynamic, "integer", "{DBInstanceClassMemory/12582880}", "The number of simultaneous client connections allowed."),
            ["performance_schema"] = (RdsStatus.Static, "boolean", "0", "Enables or disables the Performance Schema"),
            ["require_secure_transport"] = (RdsStatus.Dynamic, "boolean", "0", "Require client connections to use TLS."),
            ["slow_query_log"] = (RdsStatus.Dynamic, "boolean", null, "Enable or disable the slow query log"),
            ["sql_mode"] = (RdsStatus.Dynamic, "string", null, "Current SQL Server Mode."),
            ["time_zone"] = (RdsStatus.Dynamic, "string", null, "Sets the system time zone."),
            ["transaction_isolation"] = (RdsStatus.Dynamic, "string", null, "Sets the default transaction isolation level."),
            ["wait_timeout"] = (RdsStatus.Dynamic, "integer", null, "The number of seconds the server waits for activity on a noninteractive TCP/IP or UNIX file connection before closing it."),
        };
}
