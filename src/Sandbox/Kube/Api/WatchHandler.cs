using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Selectors;
using Ebops.Sandbox.Kube.Storage;
using Ebops.Sandbox.Kube.Tables;
using Microsoft.AspNetCore.Http;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>
/// <c>?watch=true</c>: newline-delimited <c>{"type","object"}</c> events, flushed one by one. Replays from
/// <c>resourceVersion</c> (410 ERROR event when it is older than the event window), sends the current state as ADDED
/// without one (or with <c>0</c>), BOOKMARKs every bookmark interval and at <c>timeoutSeconds</c> when allowed.
/// </summary>
internal sealed class WatchHandler(ObjectStore store, TimeProvider time, TimeSpan bookmarkInterval)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public async Task WatchAsync(HttpContext context, ResourceType type, RequestTarget target, CancellationToken ct)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        if (target.Name is not null)
        {
            fields = FieldSelector.Parse($"metadata.name={target.Name}{(query["fieldSelector"].ToString() is { Length: > 0 } f ? "," + f : "")}");
        }
        var bookmarks = query["allowWatchBookmarks"].ToString() == "true";
        var sendInitial = query["sendInitialEvents"].ToString() == "true";
        var rvText = query["resourceVersion"].ToString();
        long? from = null;
        if (!sendInitial && rvText.Length > 0 && rvText != "0")
        {
            from = long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : throw KubeApiException.BadRequest($"invalid resource version: {rvText}");
        }
        var timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var table = TablePrinter.Wants(context.Request.Headers.Accept);
        var metadataOnly = ObjectOutput.WantsMetadataOnly(context.Request.Headers.Accept);
        var includeObject = ReadHandler.IncludeObject(context);

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        using var subscription = store.Subscribe(type.StorageKey, target.Namespace, o => labels.Matches(o.Labels) && fields.Matches(o, s => ObjectOutput.Parse(type, s)), from, sendInitial && bookmarks);
        if (subscription is null)
        {
            var status = KubeApiException.Gone($"too old resource version: {from} ({store.OldestWatchable(type.StorageKey)})").ToStatus();
            await WriteLineAsync(context, new JsonObject { ["type"] = "ERROR", ["object"] = status }, ct).ConfigureAwait(false);
            return;
        }
        // Timers start before the headers go out, so a client that has seen the response has a fully armed watch.
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        using var ticker = bookmarks ? time.CreateTimer(_ => subscription.RequestBookmark(), null, bookmarkInterval, bookmarkInterval) : null;
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        var first = true;
        try
        {
            while (await subscription.Events.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                while (subscription.Events.TryRead(out var e))
                {
                    await WriteEventAsync(context, type, e, table, metadataOnly, includeObject, first, ct).ConfigureAwait(false);
                    first &= e.Type == WatchEvent.Bookmark;
                }
                await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            if (bookmarks)
            {
                await FinalBookmarkAsync(context, type, subscription, table, metadataOnly, includeObject, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>At timeout, a last bookmark (ordered after every pending event) tells the client where to resume.</summary>
    private async Task FinalBookmarkAsync(HttpContext context, ResourceType type, WatchSubscription subscription, bool table, bool metadataOnly, string includeObject, CancellationToken ct)
    {
        subscription.RequestBookmark();
        while (await subscription.Events.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            var e = await subscription.Events.ReadAsync(ct).ConfigureAwait(false);
            await WriteEventAsync(context, type, e, table, metadataOnly, includeObject, false, ct).ConfigureAwait(false);
            if (e.Type == WatchEvent.Bookmark)
            {
                break;
            }
        }
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task WriteEventAsync(HttpContext context, ResourceType type, WatchEvent e, bool table, bool metadataOnly, string includeObject, bool withColumns, CancellationToken ct)
    {
        if (e.Type == WatchEvent.Bookmark)
        {
            var meta = new JsonObject { ["resourceVersion"] = e.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
            if (e.InitialEventsEnd)
            {
                meta["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }
            var bookmark = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.GroupVersion, ["metadata"] = meta };
            await WriteLineAsync(context, new JsonObject { ["type"] = e.Type, ["object"] = table ? TableBookmark(meta) : bookmark }, ct).ConfigureAwait(false);
            return;
        }
        if (table)
        {
            var rows = TablePrinter.Build(type, [ObjectOutput.Parse(type, e.Object!)], includeObject, time.GetUtcNow(), withColumns);
            rows["metadata"] = new JsonObject { ["resourceVersion"] = e.Object!.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
            await WriteLineAsync(context, new JsonObject { ["type"] = e.Type, ["object"] = rows }, ct).ConfigureAwait(false);
            return;
        }
        if (metadataOnly)
        {
            await WriteLineAsync(context, new JsonObject { ["type"] = e.Type, ["object"] = ObjectOutput.PartialMetadata(ObjectOutput.Parse(type, e.Object!)) }, ct).ConfigureAwait(false);
            return;
        }
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{e.Type}\",\"object\":");
        await context.Response.Body.WriteAsync(head, ct).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(ObjectOutput.Bytes(type, e.Object!), ct).ConfigureAwait(false);
        await context.Response.Body.WriteAsync("}\n"u8.ToArray(), ct).ConfigureAwait(false);
    }

    private static JsonObject TableBookmark(JsonObject meta) => new() { ["kind"] = "Table", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = meta.DeepClone(), ["rows"] = new JsonArray() };

    private static async Task WriteLineAsync(HttpContext context, JsonObject line, CancellationToken ct)
    {
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(line), ct).ConfigureAwait(false);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }
}
