namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A DB parameter group; <see cref="Values"/> holds only user-modified parameters.</summary>
internal sealed class RdsParameterGroup(string name, string family, string description, string arn, bool isDefault)
{
    public string Name { get; } = name;
    public string Family { get; } = family;
    public string Description { get; } = description;
    public string Arn { get; } = arn;
    public bool IsDefault { get; } = isDefault;
    public Dictionary<string, RdsParameterSetting> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
