namespace Ebops.Operator.Resources.Rds;

/// <summary>
/// A DB parameter group as RDS describes it. <see cref="UserParameters"/> (the values set on the group, Source
/// <c>user</c>) is null unless read with <see cref="ParameterGroupManager.WithValuesAsync"/>; <see cref="Tags"/> is null
/// unless read with ListTagsForResource.
/// </summary>
public sealed record ParameterGroupObserved(
    string Name,
    string Family,
    string Arn,
    IReadOnlyDictionary<string, string>? UserParameters = null,
    IReadOnlyDictionary<string, string>? Tags = null);
