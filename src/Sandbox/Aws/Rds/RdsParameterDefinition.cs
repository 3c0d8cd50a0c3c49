namespace Ebops.Sandbox.Aws.Rds;

/// <summary>One engine parameter of a DB parameter group family, as DescribeDBParameters shows it before any change.</summary>
/// <param name="Name">ParameterName.</param>
/// <param name="ApplyType">static (applied at the next reboot) or dynamic.</param>
/// <param name="DataType">string, integer, float, boolean or list.</param>
/// <param name="AllowedValues">Ranges (<c>1-65535</c>), enumerations (<c>0,1</c>, <c>ROW,STATEMENT,MIXED</c>), or null for free text.</param>
/// <param name="IsModifiable">False for parameters RDS manages itself (datadir, log_bin, port).</param>
/// <param name="Source">engine-default, or system when RDS sets the value.</param>
/// <param name="Value">The default ParameterValue (only system parameters have one), possibly a formula such as
/// <c>{DBInstanceClassMemory*3/4}</c>.</param>
/// <param name="Description">Description.</param>
internal sealed record RdsParameterDefinition(
    string Name,
    string ApplyType,
    string DataType,
    string? AllowedValues,
    bool IsModifiable,
    string Source,
    string? Value,
    string Description);
