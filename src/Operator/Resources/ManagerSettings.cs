namespace Ebops.Operator.Resources;

/// <summary>
/// What every manager needs to know about the installation: the <c>ebops.io/cluster</c> tag value its snapshots are
/// filtered by, how old a steady-state snapshot may get (at most the poll interval), and how old a snapshot may be for
/// <see cref="ReadMode.Recent"/> reads of objects AWS is working on (zero: such reads go live).
/// </summary>
public sealed record ManagerSettings(string ClusterName, TimeSpan SnapshotMaxAge, TimeSpan RecentMaxAge = default);
