using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// Elastic Beanstalk applications. Application names are unique per account and region, so the name is the
/// identity: <see cref="CreateAsync"/> looks it up first. Steady-state reads come from one DescribeApplications
/// snapshot of every application (<see cref="ReadMode.Cached"/>); writes invalidate it. Ownership is told by the
/// application's tags (<see cref="ReadTagsAsync"/>), which cost a call and are read only when taking an application over.
/// </summary>
public sealed class ApplicationManager : IResourceManager<EbApplicationDesired, EbApplicationObserved>
{
    private readonly IElasticBeanstalkApi eb;
    private readonly ILogger<ApplicationManager> log;
    private readonly SnapshotReader<ApplicationDescription> reader;

    public ApplicationManager(IElasticBeanstalkApi eb, ManagerSettings settings, TimeProvider time, ILogger<ApplicationManager> log)
    {
        this.eb = eb;
        this.log = log;
        reader = new SnapshotReader<ApplicationDescription>(
            async ct => (await eb.DescribeApplicationsAsync(new(), ct).ConfigureAwait(false)).Applications ?? [],
            (name, ct) => eb.FindApplicationAsync(name, ct),
            a => a.ApplicationName ?? "",
            settings.SnapshotMaxAge,
            time)
        {
            RecentMaxAge = settings.RecentMaxAge,
        };
    }

    /// <summary>How many full DescribeApplications loads the snapshot made (tests, metrics).</summary>
    public int SnapshotLoads => reader.Loads;

    public Task<EbApplicationObserved?> ReadAsync(EbApplicationDesired desired, CancellationToken cancellationToken) =>
        ReadAsync(desired.Name, ReadMode.Live, cancellationToken);

    /// <summary>The application, or null when it does not exist.</summary>
    public async Task<EbApplicationObserved?> ReadAsync(string name, ReadMode mode, CancellationToken cancellationToken) =>
        await reader.ReadAsync(name, mode, cancellationToken).ConfigureAwait(false) is { } found ? EbApplicationObserved.From(found) : null;

    public Delta Diff(EbApplicationDesired desired, EbApplicationObserved observed)
    {
        var builder = new DeltaBuilder()
            .Compare("Lifecycle.Enabled", desired.Lifecycle is not null, observed.Lifecycle is not null);
        if (desired.Lifecycle is { } want)
        {
            builder.Compare("Lifecycle.MaxCount", want.MaxCount, observed.Lifecycle?.MaxCount ?? 0)
                .Compare("Lifecycle.DeleteSourceFromS3", want.DeleteSourceFromS3, observed.Lifecycle?.DeleteSourceFromS3 ?? false)
                .Add("ServiceRole", !SameRole(desired.ServiceRole, observed.ServiceRoleArn), desired.ServiceRole, observed.ServiceRoleArn);
        }

        return builder.Build();
    }

    public async Task<EbApplicationObserved> CreateAsync(EbApplicationDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            // The lifecycle rule needs the service role's ARN, which needs the account: set it right after.
            await eb.CreateApplicationAsync(new()
            {
                ApplicationName = desired.Name,
                Description = desired.Description,
                Tags = [.. desired.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
            }, cancellationToken).ConfigureAwait(false);
            Log.ApplicationCreated(log, desired.Name);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
        }
        finally
        {
            reader.Invalidate(desired.Name);
        }

        var created = await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {desired.Name} was created but cannot be read yet.");
        var delta = Diff(desired, created);
        return delta.IsEmpty ? created : await UpdateAsync(desired, created, delta, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EbApplicationObserved> UpdateAsync(EbApplicationDesired desired, EbApplicationObserved observed, Delta delta, CancellationToken cancellationToken)
    {
        if (!delta.IsEmpty)
        {
            var rule = desired.Lifecycle;
            await eb.UpdateApplicationResourceLifecycleAsync(new()
            {
                ApplicationName = desired.Name,
                ResourceLifecycleConfig = new ResourceLifecycleConfig
                {
                    ServiceRole = RoleArn(desired.ServiceRole, observed),
                    VersionLifecycleConfig = new VersionLifecycleConfig
                    {
                        MaxCountRule = new MaxCountRule { Enabled = rule is not null, MaxCount = rule?.MaxCount, DeleteSourceFromS3 = rule?.DeleteSourceFromS3 ?? false },
                        MaxAgeRule = new MaxAgeRule { Enabled = false },
                    },
                },
            }, cancellationToken).ConfigureAwait(false);
            reader.Invalidate(desired.Name);
            Log.ApplicationLifecycleUpdated(log, desired.Name, string.Join(", ", delta.Fields));
        }

        return await ReadAsync(desired.Name, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {desired.Name} disappeared during its update.");
    }

    /// <summary>Deletes the application without terminating environments by force (EB refuses while any is running).</summary>
    public async Task DeleteAsync(EbApplicationObserved observed, CancellationToken cancellationToken)
    {
        try
        {
            await eb.DeleteApplicationAsync(new() { ApplicationName = observed.Name, TerminateEnvByForce = false }, cancellationToken).ConfigureAwait(false);
            Log.ApplicationDeleted(log, observed.Name);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }
        finally
        {
            reader.Invalidate(observed.Name);
        }
    }

    /// <summary>The application's tags (one ListTagsForResource call).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadTagsAsync(EbApplicationObserved observed, CancellationToken cancellationToken)
    {
        var response = await eb.ListTagsForResourceAsync(new() { ResourceArn = observed.Arn }, cancellationToken).ConfigureAwait(false);
        return (response.ResourceTags ?? []).Where(t => t.Key is not null)
            .ToDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds the ownership tags to the application: with <paramref name="adopted"/> (it existed before ebops) also
    /// <see cref="OwnershipTags.Adopted"/>, so that it is deleted only when the deletion policy says so explicitly.
    /// </summary>
    public async Task TagAsync(EbApplicationObserved observed, IReadOnlyDictionary<string, string> tags, bool adopted, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(tags, StringComparer.Ordinal);
        if (adopted)
        {
            all[OwnershipTags.Adopted] = "true";
        }

        await eb.UpdateTagsForResourceAsync(new()
        {
            ResourceArn = observed.Arn,
            TagsToAdd = [.. all.Select(t => new Tag { Key = t.Key, Value = t.Value })],
        }, cancellationToken).ConfigureAwait(false);
        Log.ApplicationTagged(log, observed.Name, adopted);
    }

    /// <summary>The ARN of <paramref name="role"/> (a name or an ARN) in the application's account.</summary>
    public static string RoleArn(string role, EbApplicationObserved application) =>
        role.StartsWith("arn:", StringComparison.Ordinal) ? role : $"arn:{application.Partition}:iam::{application.AccountId}:role/{role}";

    private static bool SameRole(string desired, string? observedArn) =>
        observedArn is not null && (desired.StartsWith("arn:", StringComparison.Ordinal)
            ? string.Equals(desired, observedArn, StringComparison.Ordinal)
            : observedArn.EndsWith("/" + desired, StringComparison.Ordinal));
}
