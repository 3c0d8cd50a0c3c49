using System.Collections.Concurrent;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// The blue and green Elastic Beanstalk environments of an application. BlueGreenRelease creates, swaps and
/// terminates them; BeanstalkApp reports them and terminates them when it is deleted. Steady-state reads come from
/// one DescribeEnvironments snapshot of every environment (<see cref="ReadMode.Cached"/>); writes invalidate the
/// application's entry. EB's creates take no client token: <see cref="CreateAsync"/> looks the name up first.
/// </summary>
public sealed class EnvironmentManager
{
    public const string Blue = "blue";
    public const string Green = "green";

    /// <summary>Tag naming the BlueGreenRelease that created an environment.</summary>
    public const string ReleaseTag = "ebops.io/release";

    /// <summary>Tag holding the number of the release (of the BlueGreenRelease in <see cref="ReleaseTag"/>) that created
    /// an environment: an environment found with the current number was created by an earlier attempt of this release.</summary>
    public const string ReleaseNumberTag = "ebops.io/release-number";

    /// <summary>Tag holding the BeanstalkApp's <c>status.configurationHash</c> the environment was created with.</summary>
    public const string ConfigurationHashTag = "ebops.io/configuration-hash";

    /// <summary>How long an application nobody reads keeps its (empty) entry in the snapshot: longer than any poll interval.</summary>
    public static readonly TimeSpan ApplicationIdleTime = TimeSpan.FromHours(1);

    private readonly IElasticBeanstalkApi eb;
    private readonly ILogger<EnvironmentManager> log;
    private readonly SnapshotReader<EbAppEnvironments> reader;
    private readonly ConcurrentDictionary<string, DateTimeOffset> applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Application, string Arn)> loadBalancers = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public EnvironmentManager(IElasticBeanstalkApi eb, ManagerSettings settings, TimeProvider time, ILogger<EnvironmentManager> log)
    {
        this.eb = eb;
        this.log = log;
        this.time = time;
        reader = new SnapshotReader<EbAppEnvironments>(LoadAllAsync, LoadOneAsync, e => e.ApplicationName, settings.SnapshotMaxAge, time) { RecentMaxAge = settings.RecentMaxAge };
    }

    /// <summary>How many full DescribeEnvironments loads the snapshot made (tests, metrics).</summary>
    public int SnapshotLoads => reader.Loads;

    /// <summary>How many environments' load balancer ARNs are remembered (tests: only environments not terminated).</summary>
    public int RememberedLoadBalancers => loadBalancers.Count;

    /// <summary>How many applications the snapshot keeps an entry for (tests: only those read within ApplicationIdleTime).</summary>
    public int RememberedApplications => applications.Count;

    /// <summary>The name of an application's environment of <paramref name="color"/>: <c>&lt;application&gt;-&lt;color&gt;</c>.</summary>
    public static string NameFor(string applicationName, string color) => applicationName + "-" + color;

    /// <summary>The ownership-tag component of the environment of <paramref name="color"/>.</summary>
    public static string ComponentFor(string color) => "environment-" + color;

    /// <summary><see cref="Blue"/> or <see cref="Green"/> when <paramref name="environmentName"/> is that colour's name; else null.</summary>
    public static string? ColorOf(string applicationName, string environmentName) =>
        environmentName == NameFor(applicationName, Blue) ? Blue : environmentName == NameFor(applicationName, Green) ? Green : null;

    /// <summary>The application's environments that are not terminated (any name), oldest first.</summary>
    public async Task<IReadOnlyList<EbEnvironment>> ReadAllAsync(string applicationName, ReadMode mode, CancellationToken cancellationToken)
    {
        applications[applicationName] = time.GetUtcNow();
        var found = await reader.ReadAsync(applicationName, mode, cancellationToken).ConfigureAwait(false);
        return found?.Environments ?? [];
    }

    /// <summary>The environment named <paramref name="environmentName"/> that is not terminated, or null.</summary>
    public async Task<EbEnvironment?> ReadAsync(string applicationName, string environmentName, ReadMode mode, CancellationToken cancellationToken) =>
        (await ReadAllAsync(applicationName, mode, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Name == environmentName);

    /// <summary>
    /// Creates the environment from the template and version with the tags and overrides, unless one of that name
    /// exists (then returns it as it is, possibly still Terminating: wait and call again). Check its tags with
    /// <see cref="ReadTagsAsync"/> before taking over one this call did not create.
    /// </summary>
    public async Task<EbEnvironment> CreateAsync(EbEnvironmentDesired desired, CancellationToken cancellationToken)
    {
        if (await ReadAsync(desired.ApplicationName, desired.EnvironmentName, ReadMode.Live, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var sensitive = SensitiveValues.Of(desired.OptionOverrides);
        try
        {
            await SensitiveValues.GuardAsync(sensitive, () => eb.CreateEnvironmentAsync(new()
            {
                ApplicationName = desired.ApplicationName,
                EnvironmentName = desired.EnvironmentName,
                TemplateName = desired.TemplateName,
                VersionLabel = desired.VersionLabel,
                CNAMEPrefix = desired.CnamePrefix,
                Description = desired.Description,
                Tags = [.. desired.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
                OptionSettings = desired.OptionOverrides.Count == 0 ? null : [.. desired.OptionOverrides.Select(o => new OptionSetting
                {
                    Namespace = o.Key.Namespace, OptionName = o.Key.OptionName, ResourceName = o.Key.ResourceName, Value = o.Value,
                })],
            }, cancellationToken)).ConfigureAwait(false);
            Log.EnvironmentCreated(log, desired.ApplicationName, desired.EnvironmentName, desired.TemplateName, desired.VersionLabel);
        }
        catch (AwsApiException e) when (e.IsAlreadyExists)
        {
        }
        finally
        {
            reader.Invalidate(desired.ApplicationName);
        }

        return await ReadAsync(desired.ApplicationName, desired.EnvironmentName, ReadMode.Live, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Environment {desired.EnvironmentName} was created but cannot be read yet.");
    }

    /// <summary>
    /// Terminates the environment (and its resources: Auto Scaling group, load balancer); done when it is already
    /// terminating, terminated or gone. A transitional state EB refuses ends in a Conflict <see cref="AwsApiException"/>.
    /// </summary>
    public async Task TerminateAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.IsTerminatingOrTerminated)
        {
            return;
        }

        try
        {
            await eb.TerminateEnvironmentAsync(new() { EnvironmentId = environment.Id, TerminateResources = true }, cancellationToken).ConfigureAwait(false);
            Log.EnvironmentTerminating(log, environment.ApplicationName, environment.Name, environment.Id);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
        }
        finally
        {
            loadBalancers.TryRemove(environment.Id, out _);
            reader.Invalidate(environment.ApplicationName);
        }
    }

    /// <summary>Enhanced health with instance counts and application metrics (one DescribeEnvironmentHealth call).</summary>
    public async Task<EbEnvironmentHealth> ReadHealthAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        var h = await eb.DescribeEnvironmentHealthAsync(
            new() { EnvironmentId = environment.Id, AttributeNames = [ElasticBeanstalkStatuses.AttributeAll] }, cancellationToken).ConfigureAwait(false);
        return new EbEnvironmentHealth(environment.Name, h.Status, h.Color, h.HealthStatus, h.Causes ?? [],
            EbInstanceHealthCounts.From(h.InstancesHealth), EbApplicationMetrics.From(h.ApplicationMetrics), h.RefreshedAt);
    }

    /// <summary>Swaps the CNAMEs of two environments (the CNAME-swap cut-over).</summary>
    public async Task SwapCnamesAsync(EbEnvironment source, EbEnvironment destination, CancellationToken cancellationToken)
    {
        try
        {
            await eb.SwapEnvironmentCNAMEsAsync(
                new() { SourceEnvironmentId = source.Id, DestinationEnvironmentId = destination.Id }, cancellationToken).ConfigureAwait(false);
            Log.CnamesSwapped(log, source.ApplicationName, source.Name, destination.Name);
        }
        finally
        {
            reader.Invalidate(source.ApplicationName);
        }
    }

    /// <summary>
    /// The ARN of the environment's load balancer (DescribeEnvironmentResources), or null while EB has not created it.
    /// An environment keeps its load balancer for life, so the answer is remembered per environment id.
    /// </summary>
    public async Task<string?> ReadLoadBalancerArnAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        if (loadBalancers.TryGetValue(environment.Id, out var known))
        {
            return known.Arn;
        }

        DescribeEnvironmentResourcesResponse response;
        try
        {
            response = await eb.DescribeEnvironmentResourcesAsync(new() { EnvironmentId = environment.Id }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.IsNotFound)
        {
            return null;
        }

        var arn = response.EnvironmentResources?.LoadBalancers?.Select(l => l.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        if (arn is not null)
        {
            loadBalancers[environment.Id] = (environment.ApplicationName, arn);
        }

        return arn;
    }

    /// <summary>The environment's tags (one ListTagsForResource call).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadTagsAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        if (environment.Arn is null)
        {
            return new Dictionary<string, string>();
        }

        var response = await eb.ListTagsForResourceAsync(new() { ResourceArn = environment.Arn }, cancellationToken).ConfigureAwait(false);
        return (response.ResourceTags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<EbAppEnvironments>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<EbEnvironment>();
        await foreach (var e in eb.DescribeEnvironmentsAllAsync(new() { IncludeDeleted = false }, cancellationToken).ConfigureAwait(false))
        {
            all.Add(EbEnvironment.From(e));
        }

        // Applications asked about that have no environment get an empty entry, so their cached reads cost nothing;
        // one not asked about for ApplicationIdleTime (deleted) is forgotten.
        var idleSince = time.GetUtcNow() - ApplicationIdleTime;
        foreach (var idle in applications.Where(a => a.Value < idleSince).ToList())
        {
            applications.TryRemove(idle);
        }

        var live = Live(all).ToList();
        ForgetLoadBalancers(null, live);
        var byApp = live.GroupBy(e => e.ApplicationName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<EbEnvironment>)[.. g]);
        return [.. byApp.Keys.Union(applications.Keys, StringComparer.Ordinal)
            .Select(app => new EbAppEnvironments(app, byApp.TryGetValue(app, out var list) ? list : []))];
    }

    private async Task<EbAppEnvironments?> LoadOneAsync(string applicationName, CancellationToken cancellationToken)
    {
        var all = new List<EbEnvironment>();
        await foreach (var e in eb.DescribeEnvironmentsAllAsync(new() { ApplicationName = applicationName, IncludeDeleted = false }, cancellationToken)
            .ConfigureAwait(false))
        {
            all.Add(EbEnvironment.From(e));
        }

        var live = Live(all).ToList();
        ForgetLoadBalancers(applicationName, live);
        return new EbAppEnvironments(applicationName, live);
    }

    /// <summary>Forgets the load balancers of environments (of <paramref name="applicationName"/>, or of every
    /// application when null) that are no longer among the <paramref name="live"/> ones: each release makes a new one.</summary>
    private void ForgetLoadBalancers(string? applicationName, IReadOnlyList<EbEnvironment> live)
    {
        var ids = live.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in loadBalancers.Where(l => (applicationName is null || l.Value.Application == applicationName) && !ids.Contains(l.Key)).ToList())
        {
            loadBalancers.TryRemove(gone);
        }
    }

    private static IEnumerable<EbEnvironment> Live(IEnumerable<EbEnvironment> environments) =>
        environments.Where(e => e.Status != ElasticBeanstalkStatuses.EnvironmentTerminated)
            .OrderBy(e => e.DateCreated ?? DateTimeOffset.MinValue).ThenBy(e => e.Name, StringComparer.Ordinal);
}
