namespace Ebops.Operator.Resources.Rds;

/// <summary>A DB subnet group as RDS describes it (describes carry no tags: <see cref="Tags"/> is null unless read with ListTagsForResource).</summary>
public sealed record SubnetGroupObserved(string Name, string Arn, string? VpcId, IReadOnlyList<string> SubnetIds, string? Status,
    IReadOnlyDictionary<string, string>? Tags = null);
