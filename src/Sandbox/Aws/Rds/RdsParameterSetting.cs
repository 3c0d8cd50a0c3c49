namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A user's value for one parameter, with the ApplyMethod it was set with (immediate or pending-reboot).</summary>
internal sealed record RdsParameterSetting(string Value, string ApplyMethod);
