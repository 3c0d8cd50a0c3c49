namespace Ebops.Operator.Resources;

/// <summary>
/// What every manager needs to know about the installation: the <c>ebops.io/cluster</c> tag value its snapshots are
/// filtered by, and how old a steady-state snapshot may get (at most the poll interval).
/// </summary>
public sealed record ManagerSettings(string ClusterName, TimeSpan SnapshotMaxAge);
