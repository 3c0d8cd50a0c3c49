using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.ElasticBeanstalk.EbConstants;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The account's environments (terminated ones stay for <see cref="C.TerminatedRetention"/>, so describes can list
/// them, then are forgotten) and the lookups the other aggregates need: by id or name, by CNAME, the versions in use.
/// Lifecycle rules live in <see cref="EnvironmentStore"/>.
/// </summary>
internal sealed class EnvironmentIndex(SimWorld world)
{
    private readonly List<EbEnvironment> environments = [];

    public void Add(EbEnvironment environment)
    {
        lock (world.Gate)
        {
            ForgetTerminated(world.Time.GetUtcNow());
            environments.Add(environment);
        }
    }

    /// <summary>Forgets the environments terminated more than <see cref="C.TerminatedRetention"/> before
    /// <paramref name="now"/> (EB lists deleted environments for about an hour); returns how many went.</summary>
    public int ForgetTerminated(DateTimeOffset now)
    {
        lock (world.Gate)
        {
            return environments.RemoveAll(e => e.StatusAt(now) == C.Terminated && e.OperationEnds < now - C.TerminatedRetention);
        }
    }

    /// <summary>How many terminated environments are still held, and the termination (end) of the oldest of them.</summary>
    public (int Count, DateTimeOffset? Oldest) Terminated(DateTimeOffset now)
    {
        lock (world.Gate)
        {
            var terminated = environments.Where(e => e.StatusAt(now) == C.Terminated).Select(e => e.OperationEnds).ToList();
            return (terminated.Count, terminated.Count == 0 ? null : terminated.Min());
        }
    }

    /// <summary>
    /// The newest environment with that id and/or name (not terminating unless <paramref name="allowTerminated"/>);
    /// <c>No Environment found ...</c> when there is none, MissingParameter when neither is given.
    /// </summary>
    public EbEnvironment Find(string? id, string? name, bool allowTerminated = false)
    {
        if (id is null && name is null)
        {
            throw EbErrors.Missing("EnvironmentId or EnvironmentName");
        }

        lock (world.Gate)
        {
            return environments.LastOrDefault(e =>
                    (id is null || e.Id == id) && (name is null || e.Name == name)
                    && (allowTerminated || !e.IsTerminatingOrTerminated))
                ?? throw EbErrors.NoEnvironment(name, id);
        }
    }

    /// <summary>A live (not terminating) environment by id, or null.</summary>
    public EbEnvironment? FindLive(string id)
    {
        lock (world.Gate)
        {
            return environments.FirstOrDefault(e => e.Id == id && !e.IsTerminatingOrTerminated);
        }
    }

    public EbEnvironment? FindLiveByArn(string arn)
    {
        lock (world.Gate)
        {
            return environments.FirstOrDefault(e => e.Arn == arn && !e.IsTerminatingOrTerminated);
        }
    }

    /// <summary>The name of the environment with that id (any state), or null.</summary>
    public string? NameOf(string id)
    {
        lock (world.Gate)
        {
            return environments.FirstOrDefault(e => e.Id == id)?.Name;
        }
    }

    /// <summary>A snapshot of every environment, oldest first.</summary>
    public IReadOnlyList<EbEnvironment> All()
    {
        lock (world.Gate)
        {
            return [.. environments];
        }
    }

    /// <summary>The application's environments that are not terminating.</summary>
    public IReadOnlyList<EbEnvironment> LiveOf(string application)
    {
        lock (world.Gate)
        {
            return [.. environments.Where(e => e.ApplicationName == application && !e.IsTerminatingOrTerminated)];
        }
    }

    public int LiveCount()
    {
        lock (world.Gate)
        {
            return environments.Count(e => !e.IsTerminatingOrTerminated);
        }
    }

    /// <summary>True when an environment of that name exists and is not yet terminated.</summary>
    public bool NameTaken(string name, DateTimeOffset now)
    {
        lock (world.Gate)
        {
            return environments.Any(e => e.Name == name && e.StatusAt(now) != C.Terminated);
        }
    }

    public bool CnameAvailable(string cname)
    {
        lock (world.Gate)
        {
            return environments.All(e => e.IsTerminatingOrTerminated || !string.Equals(e.Cname, cname, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The load balancer ARN behind a live environment's CNAME, or null.</summary>
    public string? LoadBalancerOfCname(string cname)
    {
        lock (world.Gate)
        {
            return environments.FirstOrDefault(e => !e.IsTerminatingOrTerminated && string.Equals(e.Cname, cname, StringComparison.OrdinalIgnoreCase))?.LoadBalancerArn;
        }
    }

    /// <summary>The instance security groups of live environments (EC2 refuses to delete them).</summary>
    public IEnumerable<SecurityGroupUse> SecurityGroupsInUse()
    {
        lock (world.Gate)
        {
            return [.. environments.Where(e => !e.IsTerminatingOrTerminated && e.InstanceSecurityGroup is not null)
                .Select(e => new SecurityGroupUse(e.InstanceSecurityGroup!, e.Arn))];
        }
    }
}
