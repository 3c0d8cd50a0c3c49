namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// A DB parameter group ebops owns. Its name includes the family (a group's family is immutable, so a new family means
/// a new group); <paramref name="Parameters"/> are the overrides, every other parameter keeps the family default.
/// </summary>
public sealed record ParameterGroupDesired(ResourceOwner Owner, string Name, string Family, string Description, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The <c>ebops.io/component</c> of a DB parameter group.</summary>
    public const string Component = "db-parameter-group";

    public IReadOnlyDictionary<string, string> Tags => Owner.Tags(Component);
}
