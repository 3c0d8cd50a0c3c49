namespace Ebops.Operator.Resources.Rds;

/// <summary>A DB snapshot (the final one taken when ebops deletes an instance).</summary>
public sealed record DbSnapshotObserved(string Identifier, string? InstanceIdentifier, string Status, string? Arn);
