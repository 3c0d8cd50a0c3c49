using k8s;
using k8s.Models;

namespace Ebops.Tests.Shared;

/// <summary>
/// Waits on the API server's own events: lists, then watches, until a condition over the objects holds. No polling
/// and no timing assumption; <see cref="HangGuard"/> only turns a hang (a broken test or server) into a failure.
/// </summary>
public static class KubeWait
{
    /// <summary>How long a wait that should end within milliseconds may block before the test fails as hung.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>Until <paramref name="condition"/> holds for the objects at <paramref name="path"/> (keyed by name).</summary>
    public static async Task UntilAsync<T>(IKubernetes client, ResourcePath path, Func<IReadOnlyDictionary<string, T>, bool> condition, string what,
        CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(HangGuard);
        try
        {
            while (true)
            {
                var list = await ListAsync<T>(client, path, guard.Token);
                var objects = list.Items.ToDictionary(o => o.Metadata.Name, StringComparer.Ordinal);
                if (condition(objects))
                {
                    return;
                }

#pragma warning disable CS0618 // the typed watch over a list response (see the runtime's KubernetesWatch)
                await foreach (var (type, item) in WatchAsync<T>(client, path, list.Metadata.ResourceVersion, guard.Token).WatchAsync<T, ObjectList<T>>(
                    cancellationToken: guard.Token))
#pragma warning restore CS0618
                {
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        objects[item.Metadata.Name] = item;
                    }
                    else if (type == WatchEventType.Deleted)
                    {
                        objects.Remove(item.Metadata.Name);
                    }

                    if (type != WatchEventType.Bookmark && condition(objects))
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Hung: {what} did not happen within {HangGuard}.");
        }
    }

    /// <summary>Until the object <paramref name="name"/> satisfies <paramref name="condition"/> (null: it does not exist).</summary>
    public static Task ForAsync<T>(IKubernetes client, ResourcePath path, string name, Func<T?, bool> condition, string what, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        UntilAsync<T>(client, path, objects => condition(objects.GetValueOrDefault(name)), what, cancellationToken);

    /// <summary>Until <paramref name="task"/> completes (a test's own signal), with the same hang guard.</summary>
    public static async Task<T> SignalAsync<T>(Task<T> task, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(HangGuard, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Hung: {what} did not happen within {HangGuard}.", e);
        }
    }

    public static async Task SignalAsync(Task task, string what, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(HangGuard, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Hung: {what} did not happen within {HangGuard}.", e);
        }
    }

    private static Task<ObjectList<T>> ListAsync<T>(IKubernetes client, ResourcePath path, CancellationToken cancellationToken) =>
        path.Namespace is null
            ? client.CustomObjects.ListClusterCustomObjectAsync<ObjectList<T>>(path.Group, path.Version, path.Plural, cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectAsync<ObjectList<T>>(path.Group, path.Version, path.Namespace, path.Plural,
                cancellationToken: cancellationToken);

    private static Task<k8s.Autorest.HttpOperationResponse<ObjectList<T>>> WatchAsync<T>(IKubernetes client, ResourcePath path, string resourceVersion,
        CancellationToken cancellationToken) =>
        path.Namespace is null
            ? client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<ObjectList<T>>(path.Group, path.Version, path.Plural,
                resourceVersion: resourceVersion, timeoutSeconds: 60, watch: true, cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<ObjectList<T>>(path.Group, path.Version, path.Namespace, path.Plural,
                resourceVersion: resourceVersion, timeoutSeconds: 60, watch: true, cancellationToken: cancellationToken);
}
