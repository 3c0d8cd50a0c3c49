using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Operator.Runtime.Watch;

/// <summary>Adapts KubernetesClient's watch enumerator to <see cref="WatchEvent{T}"/> and typed failures.</summary>
internal static class KubernetesWatch
{
    /// <summary>
    /// Enumerates a watch response. KubernetesClient 21 does not yield ERROR events: it passes them to the error
    /// callback as a <see cref="KubernetesException"/> and ends the stream, so the error is captured here and
    /// rethrown as <see cref="ResourceVersionExpiredException"/> (410) or <see cref="WatchFailedException"/>.
    /// </summary>
    public static async IAsyncEnumerable<WatchEvent<T>> EnumerateAsync<T, TList>(
        Task<HttpOperationResponse<TList>> response,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? error = null;
        // The typed Task<HttpOperationResponse>.WatchAsync is marked obsolete in 21.x, but its replacement for custom
        // objects (WatchList*CustomObjectAsync) yields untyped objects; this one deserializes to T and was verified.
#pragma warning disable CS0618
        var enumerator = response.WatchAsync<T, TList>(e => error ??= e, cancellationToken).GetAsyncEnumerator(cancellationToken);
#pragma warning restore CS0618
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (IsExpired(e))
                {
                    throw new ResourceVersionExpiredException(e.Message, e);
                }

                if (!more)
                {
                    break;
                }

                var (type, item) = enumerator.Current;
                if (type == WatchEventType.Error)
                {
                    error ??= new KubernetesException("watch ERROR event");
                    break;
                }

                yield return new WatchEvent<T>(type, item);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (error is not null)
        {
            throw IsExpired(error) ? new ResourceVersionExpiredException(error.Message, error) : new WatchFailedException(error.Message, error);
        }
    }

    /// <summary>True for 410 Gone, whether it came as an HTTP status or as an ERROR event's Status.</summary>
    public static bool IsExpired(Exception e) => e switch
    {
        KubernetesException k => k.Status?.Code == (int)HttpStatusCode.Gone
            || string.Equals(k.Status?.Reason, "Expired", StringComparison.Ordinal)
            || string.Equals(k.Status?.Reason, "Gone", StringComparison.Ordinal)
            || k.Message.Contains("too old resource version", StringComparison.OrdinalIgnoreCase),
        HttpOperationException h => h.Response?.StatusCode == HttpStatusCode.Gone,
        _ => false,
    };

    /// <summary>Runs a list call and maps 410 (an expired continue token) to <see cref="ResourceVersionExpiredException"/>.</summary>
    public static async Task<TList> ListAsync<TList>(Func<Task<TList>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsExpired(e))
        {
            throw new ResourceVersionExpiredException(e.Message, e);
        }
    }

    public static ListPage<T> Page<T>(IList<T> items, V1ListMeta? meta) =>
        new([.. items], meta?.ResourceVersion ?? "", string.IsNullOrEmpty(meta?.ContinueProperty) ? null : meta.ContinueProperty);
}
