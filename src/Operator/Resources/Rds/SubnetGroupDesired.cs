namespace Ebops.Operator.Resources.Rds;

/// <summary>A DB subnet group ebops owns, named deterministically, with exactly <paramref name="SubnetIds"/>.</summary>
public sealed record SubnetGroupDesired(ResourceOwner Owner, string Name, string Description, IReadOnlyList<string> SubnetIds)
{
    /// <summary>The <c>ebops.io/component</c> of a DB subnet group.</summary>
    public const string Component = "db-subnet-group";

    public IReadOnlyDictionary<string, string> Tags => Owner.Tags(Component);
}
