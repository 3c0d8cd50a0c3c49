using k8s;
using k8s.Models;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>List and watch of Secrets (one namespace or all), used to re-queue objects that reference a changed Secret.</summary>
internal sealed class SecretWatchSource(IKubernetes client, string? @namespace) : IWatchSource<V1Secret>
{
    public async Task<ListPage<V1Secret>> ListAsync(string? continueToken, int limit, CancellationToken cancellationToken)
    {
        var list = await KubernetesWatch.ListAsync(() => @namespace is null
            ? client.CoreV1.ListSecretForAllNamespacesAsync(continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken)
            : client.CoreV1.ListNamespacedSecretAsync(@namespace, continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        foreach (var secret in list.Items)
        {
            // Only keys and versions are kept; drop the payload at once so it does not linger in memory.
            secret.Data = null;
            secret.StringData = null;
        }

        return KubernetesWatch.Page(list.Items, list.Metadata);
    }

    public IAsyncEnumerable<WatchEvent<V1Secret>> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var response = @namespace is null
            ? client.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken)
            : client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(
                @namespace, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true,
                cancellationToken: cancellationToken);
        return KubernetesWatch.EnumerateAsync<V1Secret, V1SecretList>(response, cancellationToken);
    }
}
