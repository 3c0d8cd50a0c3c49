namespace Ebops.Sandbox.Aws.Rds;

/// <summary>One row of DescribeOrderableDBInstanceOptions: an instance class orderable for an engine version with a
/// storage type.</summary>
internal sealed record RdsOrderableOption(RdsEngineVersion Version, string InstanceClass, string StorageType);
