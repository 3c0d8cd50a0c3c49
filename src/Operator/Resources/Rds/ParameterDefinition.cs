namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// One parameter of a DB parameter group family, as DescribeDBParameters of the family's default group shows it.
/// </summary>
/// <param name="Name">ParameterName.</param>
/// <param name="DataType">string, integer, float, boolean or list.</param>
/// <param name="AllowedValues">Comma-separated values and ranges (<c>0,1</c>, <c>1-65535</c>, <c>ROW,STATEMENT,MIXED</c>), or null for any value of the type.</param>
/// <param name="IsModifiable">False for parameters RDS manages itself.</param>
/// <param name="ApplyType">static (needs a reboot) or dynamic.</param>
public sealed record ParameterDefinition(string Name, string DataType, string? AllowedValues, bool IsModifiable, string ApplyType)
{
    /// <summary>The ApplyMethod a change of this parameter must use: pending-reboot for static ones, immediate for dynamic ones.</summary>
    public string ApplyMethod => string.Equals(ApplyType, Aws.Rds.RdsStatuses.ApplyTypeStatic, StringComparison.OrdinalIgnoreCase)
        ? Aws.Rds.RdsStatuses.ApplyPendingReboot
        : Aws.Rds.RdsStatuses.ApplyImmediate;
}
