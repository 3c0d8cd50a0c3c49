using System.Globalization;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>PutObject, GetObject and HeadObject (with a single byte range: 206), DeleteObject (bucket and key come from the path).</summary>
internal sealed class ObjectOperations(S3Store store) : ISimOperations
{
    public void Register(OperationTable table) => table
        .Add("PutObject", Put)
        .Add("GetObject", (request, p) => Get(request, p, head: false))
        .Add("HeadObject", (request, p) => Get(request, p, head: true))
        .Add("DeleteObject", (_, p) =>
        {
            store.Delete(p.Required("Bucket"), p.Required("Key"));
            return S3Xml.Empty(204);
        });

    private SimResponse Put(SimRequest request, SimParams p)
    {
        var (contentType, metadata) = S3Xml.ContentHeaders(request);
        var stored = store.Put(p.Required("Bucket"), p.Required("Key"), request.Body.ToArray(), contentType, metadata);
        return S3Xml.Empty(200, new Dictionary<string, string> { ["ETag"] = stored.ETag });
    }

    private SimResponse Get(SimRequest request, SimParams p, bool head)
    {
        SimObject found;
        try
        {
            found = store.Get(p.Required("Bucket"), p.Required("Key"));
        }
        catch (AwsSimException error) when (head && error.Code == "NoSuchKey")
        {
            // HEAD has no body, so S3 cannot say which error: the SDKs see a bare 404 ("NotFound").
            throw new AwsSimException("NotFound", "Not Found", 404);
        }

        var range = S3Range.Parse(request.Headers?.GetValueOrDefault("range"), found.Content.Length);
        var body = range is { } r ? found.Content.AsMemory(r.First, r.Length) : found.Content;
        var headers = new Dictionary<string, string>
        {
            ["ETag"] = found.ETag,
            ["Last-Modified"] = found.LastModified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
            ["Content-Length"] = body.Length.ToString(CultureInfo.InvariantCulture),
            ["Content-Type"] = found.ContentType,
            ["Accept-Ranges"] = "bytes",
        };
        if (range is { } partial)
        {
            headers["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes {partial.First}-{partial.First + partial.Length - 1}/{found.Content.Length}");
        }

        foreach (var (name, value) in found.Metadata)
        {
            headers["x-amz-meta-" + name] = value;
        }

        return new SimResponse(range is null ? 200 : 206, found.ContentType, "", headers) { Bytes = head ? null : body };
    }
}
