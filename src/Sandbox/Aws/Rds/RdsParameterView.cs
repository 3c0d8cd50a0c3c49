namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A parameter as DescribeDBParameters shows it in one group: its definition, the group's value (the user's, or the
/// default), where that value comes from (user, system, engine-default) and its ApplyMethod.</summary>
internal sealed record RdsParameterView(RdsParameterDefinition Definition, string? Value, string Source, string ApplyMethod);
