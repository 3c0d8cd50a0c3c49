using Ebops.Operator.Runtime.Reconciliation;
using Ebops.Operator.Runtime.Election;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>What /healthz and /readyz report.</summary>
public sealed class RuntimeHealth
{
    private readonly List<IControllerRunner> runners = [];
    private readonly List<Func<bool>> synced = [];
    private LeaderElection? election;
    private volatile bool faulted;

    /// <summary>Alive: no runtime loop (watcher, worker, election) died unexpectedly.</summary>
    public bool IsHealthy
    {
        get
        {
            lock (runners)
            {
                return !faulted && !runners.Any(r => r.IsFaulted);
            }
        }
    }

    /// <summary>
    /// Ready: every watcher finished its first list; with leader election, the leader must be synced while a
    /// standby only has to know who leads.
    /// </summary>
    public bool IsReady
    {
        get
        {
            if (election is { IsLeader: false } standby)
            {
                return !string.IsNullOrEmpty(standby.Leader);
            }

            lock (runners)
            {
                return runners.All(r => r.IsSynced) && synced.All(s => s());
            }
        }
    }

    internal void Track(IControllerRunner runner)
    {
        lock (runners)
        {
            runners.Add(runner);
        }
    }

    internal void TrackSynced(Func<bool> isSynced)
    {
        lock (runners)
        {
            synced.Add(isSynced);
        }
    }

    internal void UseElection(LeaderElection leaderElection) => election = leaderElection;

    internal void MarkFaulted() => faulted = true;

    /// <summary>One line per check, for the body of the health endpoints.</summary>
    public string Describe()
    {
        lock (runners)
        {
            var lines = runners.Select(r => $"{r.Kind}: synced={r.IsSynced} faulted={r.IsFaulted}").ToList();
            if (election is not null)
            {
                lines.Add($"leader-election: identity={election.Identity} leading={election.IsLeader} leader={election.Leader ?? "(unknown)"}");
            }

            return string.Join('\n', lines) + "\n";
        }
    }
}
