namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// The DB instance ebops owns, identified by <paramref name="Identifier"/> (unique per account and region).
/// </summary>
/// <param name="Owner">Whose instance it is (ownership tags).</param>
/// <param name="Identifier">DBInstanceIdentifier; immutable.</param>
/// <param name="Engine">Engine, e.g. mysql; immutable.</param>
/// <param name="EngineVersion">A major (<c>8.0</c>) or full (<c>8.0.39</c>) version; only upgrades are applied.</param>
/// <param name="InstanceClass">DBInstanceClass.</param>
/// <param name="AllocatedStorage">GiB; storage only grows.</param>
/// <param name="DbName">The database created with the instance; immutable.</param>
/// <param name="MasterUsername">Immutable.</param>
/// <param name="PubliclyAccessible">Whether the instance gets a public DNS name.</param>
/// <param name="ParameterGroupName">The DB parameter group; null: the engine's default group.</param>
/// <param name="SubnetGroupName">The DB subnet group (fixed at creation); null: the default VPC's.</param>
/// <param name="SecurityGroupIds">The VPC security groups; null: leave them as they are (the VPC's default at creation).</param>
/// <param name="DeletionProtection">AWS deletion protection.</param>
/// <param name="MasterPassword">Needed to create the instance only (never compared, never printed).</param>
public sealed record DbInstanceDesired(
    ResourceOwner Owner,
    string Identifier,
    string Engine,
    string EngineVersion,
    string InstanceClass,
    int AllocatedStorage,
    string? DbName,
    string MasterUsername,
    bool PubliclyAccessible,
    string? ParameterGroupName,
    string? SubnetGroupName,
    IReadOnlyList<string>? SecurityGroupIds,
    bool DeletionProtection,
    SecretText? MasterPassword = null)
{
    /// <summary>The <c>ebops.io/component</c> of a DB instance.</summary>
    public const string Component = "db-instance";

    public IReadOnlyDictionary<string, string> Tags => Owner.Tags(Component);
}
