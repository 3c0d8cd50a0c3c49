using Ebops.Operator.Runtime.Watch;
using k8s;
using k8s.Models;

namespace Ebops.Operator.Runtime.Cache;

/// <summary>List and watch of Secrets (one namespace or all), summarized as they arrive: the payload is never kept.</summary>
internal sealed class SecretWatchSource(IKubernetes client, string? @namespace) : IWatchSource<SecretEntry>
{
    public async Task<ListPage<SecretEntry>> ListAsync(string? continueToken, int limit, CancellationToken cancellationToken)
    {
        var list = await KubernetesWatch.ListAsync(() => @namespace is null
            ? client.CoreV1.ListSecretForAllNamespacesAsync(continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken)
            : client.CoreV1.ListNamespacedSecretAsync(@namespace, continueParameter: continueToken, limit: limit, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return KubernetesWatch.Page([.. list.Items.Select(SecretEntry.From)], list.Metadata);
    }

    public async IAsyncEnumerable<WatchEvent<SecretEntry>> WatchAsync(string resourceVersion, int timeoutSeconds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = @namespace is null
            ? client.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken)
            : client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(
                @namespace, allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true,
                cancellationToken: cancellationToken);
        await foreach (var watchEvent in KubernetesWatch.EnumerateAsync<V1Secret, V1SecretList>(response, cancellationToken).ConfigureAwait(false))
        {
            // Bookmarks carry only metadata.resourceVersion; everything else is summarized and its payload dropped.
            yield return new WatchEvent<SecretEntry>(watchEvent.Type, SecretEntry.From(watchEvent.Object));
        }
    }
}
