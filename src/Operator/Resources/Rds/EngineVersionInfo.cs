namespace Ebops.Operator.Resources.Rds;

/// <summary>An engine version RDS offers (DescribeDBEngineVersions): the full version and its parameter group family.</summary>
public sealed record EngineVersionInfo(string Engine, string EngineVersion, string Family);
