using Ebops.Operator.Entities;
using k8s;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>List and watch of a custom resource kind through KubernetesClient's CustomObjects API.</summary>
internal sealed class CustomObjectWatchSource<T>(IKubernetes client, string? @namespace, string? labelSelector) : IWatchSource<T>
    where T : ICustomResource
{
    private readonly EntityMetadata entity = EntityMetadata.For<T>();

    public async Task<ListPage<T>> ListAsync(string? continueToken, int limit, CancellationToken cancellationToken)
    {
        var list = await KubernetesWatch.ListAsync(() => @namespace is null
            ? client.CustomObjects.ListClusterCustomObjectAsync<CustomResourceList<T>>(
                entity.Group, entity.Version, entity.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit,
                cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList<T>>(
                entity.Group, entity.Version, @namespace, entity.Plural, continueParameter: continueToken, labelSelector: labelSelector,
                limit: limit, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return KubernetesWatch.Page(list.Items, list.Metadata);
    }

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var response = @namespace is null
            ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                entity.Group, entity.Version, entity.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                entity.Group, entity.Version, @namespace, entity.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken);
        return KubernetesWatch.EnumerateAsync<T, CustomResourceList<T>>(response, cancellationToken);
    }
}
