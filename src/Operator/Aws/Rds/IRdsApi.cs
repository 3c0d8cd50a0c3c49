namespace Ebops.Operator.Aws.Rds;

/// <summary>
/// RDS (2014-10-31). The generated half declares one method per operation; this half adds the look-ups the Resources
/// layer uses (null when not found). No RDS create used here takes a client token: callers look before they create
/// and treat <c>*AlreadyExists</c> as "created by an earlier attempt".
/// </summary>
public partial interface IRdsApi
{
    /// <summary>The instance, or null when it does not exist.</summary>
    Task<DBInstance?> FindDBInstanceAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>The parameter group, or null when it does not exist.</summary>
    Task<DBParameterGroup?> FindDBParameterGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The subnet group, or null when it does not exist.</summary>
    Task<DBSubnetGroup?> FindDBSubnetGroupAsync(string name, CancellationToken cancellationToken = default);
}
