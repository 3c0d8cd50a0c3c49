namespace Ebops.Sandbox.Aws.Rds;

/// <summary>One entry of ModifyDBParameterGroup's Parameters list.</summary>
internal sealed record RdsParameterChange(string Name, string Value, string ApplyMethod);
