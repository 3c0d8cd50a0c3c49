using System.Globalization;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Selectors;
using Ebops.Sandbox.Kube.Storage;
using Ebops.Sandbox.Kube.Tables;
using Microsoft.AspNetCore.Http;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>GET of one object and list of a collection (limit/continue, selectors), as JSON or as a Table.</summary>
internal sealed class ReadHandler(ObjectStore store, TimeProvider time)
{
    public async Task GetAsync(HttpContext context, ResourceType type, RequestTarget target, CancellationToken ct)
    {
        if (target.Subresource is not null && !(target.Subresource == "status" && type.HasStatusSubresource))
        {
            throw KubeApiException.NotFoundPath();
        }
        var stored = store.Get(type.StorageKey, target.Namespace ?? "", target.Name!) ?? throw KubeApiException.NotFound(type.GroupResource, target.Name!);
        if (TablePrinter.Wants(context.Request.Headers.Accept))
        {
            var table = TablePrinter.Build(type, [ObjectOutput.Parse(type, stored)], IncludeObject(context), time.GetUtcNow());
            table["metadata"] = new JsonObject { ["resourceVersion"] = stored.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
            await HttpJson.WriteAsync(context, 200, table, ct).ConfigureAwait(false);
            return;
        }
        if (ObjectOutput.WantsMetadataOnly(context.Request.Headers.Accept))
        {
            await HttpJson.WriteAsync(context, 200, ObjectOutput.PartialMetadata(ObjectOutput.Parse(type, stored)), ct).ConfigureAwait(false);
            return;
        }
        await HttpJson.WriteBytesAsync(context, 200, ObjectOutput.Bytes(type, stored), ct).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext context, ResourceType type, RequestTarget target, CancellationToken ct)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        string? startAfter = null;
        long? snapshot = null;
        const string ExpiredContinue = "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";
        if (query["continue"].ToString() is { Length: > 0 } continueText)
        {
            var token = ContinueToken.Decode(continueText);
            startAfter = token.StartAfter;
            snapshot = token.ResourceVersion;
        }
        else if (query["resourceVersionMatch"].ToString() == "Exact"
            && long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var exact))
        {
            snapshot = exact;
        }
        var page = store.List(type.StorageKey, target.Namespace, o => labels.Matches(o.Labels) && fields.Matches(o, s => ObjectOutput.Parse(type, s)), startAfter, limit, snapshot)
            ?? throw (startAfter is not null
                ? KubeApiException.Gone(ExpiredContinue)
                : KubeApiException.Gone($"too old resource version: {snapshot} ({store.OldestWatchable(type.StorageKey)})"));
        var listVersion = page.ResourceVersion;
        var meta = new JsonObject { ["resourceVersion"] = listVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.ContinueAfter is not null)
        {
            meta["continue"] = new ContinueToken(listVersion, page.ContinueAfter).Encode();
            meta["remainingItemCount"] = page.RemainingItemCount;
        }
        if (TablePrinter.Wants(context.Request.Headers.Accept))
        {
            var table = TablePrinter.Build(type, page.Items.Select(o => ObjectOutput.Parse(type, o)), IncludeObject(context), time.GetUtcNow());
            table["metadata"] = meta;
            await HttpJson.WriteAsync(context, 200, table, ct).ConfigureAwait(false);
            return;
        }
        if (ObjectOutput.WantsMetadataOnly(context.Request.Headers.Accept))
        {
            await HttpJson.WriteAsync(context, 200, ObjectOutput.PartialMetadataList(page.Items.Select(o => ObjectOutput.Parse(type, o)), meta), ct).ConfigureAwait(false);
            return;
        }
        await HttpJson.WriteBytesAsync(context, 200, ObjectOutput.List(type, page.Items, meta), ct).ConfigureAwait(false);
    }

    public static string IncludeObject(HttpContext context) =>
        context.Request.Query["includeObject"].ToString() is { Length: > 0 } v ? v : "Metadata";
}
