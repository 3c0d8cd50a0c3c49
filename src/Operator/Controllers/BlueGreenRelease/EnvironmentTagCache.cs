using System.Collections.Concurrent;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The tags of each environment by id (a singleton): the release tags an environment when it creates it and never
/// changes them, so one ListTagsForResource per environment for the life of the process is enough.
/// </summary>
internal sealed class EnvironmentTagCache(EnvironmentManager environments)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> tags = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(EbEnvironment environment, CancellationToken cancellationToken)
    {
        if (tags.TryGetValue(environment.Id, out var known))
        {
            return known;
        }

        var read = await environments.ReadTagsAsync(environment, cancellationToken).ConfigureAwait(false);
        if (read.Count > 0)
        {
            // An environment still being created may not show its tags yet: only a non-empty answer is kept.
            tags[environment.Id] = read;
        }

        return read;
    }
}
