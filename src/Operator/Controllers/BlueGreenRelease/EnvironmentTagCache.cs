using System.Collections.Concurrent;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The tags of each environment by id (a singleton): the release tags an environment when it creates it and never
/// changes them, so one ListTagsForResource per environment for its life is enough. Each release makes a new
/// environment, so <see cref="Retain"/> forgets those an application no longer has, and those nobody read for
/// <see cref="EnvironmentManager.ApplicationIdleTime"/> (their release or application was deleted).
/// </summary>
internal sealed class EnvironmentTagCache(EnvironmentManager environments, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> tags = new(StringComparer.Ordinal);

    /// <summary>How many environments' tags are remembered (tests).</summary>
    public int Count => tags.Count;

    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (tags.TryGetValue(environment.Id, out var known))
        {
            if (now - known.LastRead > EnvironmentManager.ApplicationIdleTime / 4)
            {
                tags.TryUpdate(environment.Id, known with { LastRead = now }, known);
            }

            return known.Tags;
        }

        var read = await environments.ReadTagsAsync(environment, cancellationToken).ConfigureAwait(false);
        if (read.Count > 0)
        {
            // An environment still being created may not show its tags yet: only a non-empty answer is kept.
            tags[environment.Id] = new Entry(environment.ApplicationName, read, now);
        }

        return read;
    }

    /// <summary>Forgets the tags of <paramref name="applicationName"/>'s environments that are not in
    /// <paramref name="present"/> (its environments that are not terminated, as just read), and of any environment
    /// not read for <see cref="EnvironmentManager.ApplicationIdleTime"/>.</summary>
    public void Retain(string applicationName, IReadOnlyList<EbEnvironment> present)
    {
        var idleSince = time.GetUtcNow() - EnvironmentManager.ApplicationIdleTime;
        foreach (var gone in tags.Where(t => t.Value.LastRead < idleSince || (t.Value.Application == applicationName && !present.Any(e => e.Id == t.Key))).ToList())
        {
            tags.TryRemove(gone);
        }
    }

    private sealed record Entry(string Application, IReadOnlyDictionary<string, string> Tags, DateTimeOffset LastRead);
}
