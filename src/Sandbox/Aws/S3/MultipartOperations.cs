using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.S3;

/// <summary>
/// CreateMultipartUpload (<c>POST ?uploads</c>), UploadPart (<c>PUT ?partNumber&amp;uploadId</c>),
/// CompleteMultipartUpload (<c>POST ?uploadId</c> with the part list), AbortMultipartUpload (<c>DELETE ?uploadId</c>),
/// ListParts (<c>GET ?uploadId</c>) and ListMultipartUploads (<c>GET /bucket?uploads</c>).
/// </summary>
internal sealed class MultipartOperations(SimWorld world, MultipartStore store) : ISimOperations
{
    private const int ListCap = 1000;

    public void Register(OperationTable table) => table
        .Add("CreateMultipartUpload", Create)
        .Add("UploadPart", UploadPart)
        .Add("CompleteMultipartUpload", Complete)
        .Add("AbortMultipartUpload", (_, p) =>
        {
            store.Abort(p.Required("Bucket"), p.Required("Key"), p.Required("uploadId"));
            return S3Xml.Empty(204);
        })
        .Add("ListParts", ListParts)
        .Add("ListMultipartUploads", ListUploads);

    private SimResponse Create(SimRequest request, SimParams p)
    {
        var (bucket, key) = (p.Required("Bucket"), p.Required("Key"));
        var (contentType, metadata) = S3Xml.ContentHeaders(request);
        var uploadId = store.Create(bucket, key, contentType, metadata);
        return S3Xml.Xml(E("InitiateMultipartUploadResult", E("Bucket", bucket), E("Key", key), E("UploadId", uploadId)));
    }

    private SimResponse UploadPart(SimRequest request, SimParams p)
    {
        int? partNumber = int.TryParse(p.Get("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var etag = store.UploadPart(p.Required("Bucket"), p.Required("Key"), p.Required("uploadId"), partNumber, request.Body.ToArray());
        return S3Xml.Empty(200, new Dictionary<string, string> { ["ETag"] = etag });
    }

    private SimResponse Complete(SimRequest request, SimParams p)
    {
        var (bucket, key) = (p.Required("Bucket"), p.Required("Key"));
        var stored = store.Complete(bucket, key, p.Required("uploadId"), ReadParts(request.Body));
        var location = world.Endpoint is { } endpoint ? new Uri(endpoint, $"{bucket}/{Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal)}").ToString() : $"/{bucket}/{key}";
        return S3Xml.Xml(E("CompleteMultipartUploadResult", E("Location", location), E("Bucket", bucket), E("Key", key), E("ETag", stored.ETag)));
    }

    private SimResponse ListParts(SimRequest request, SimParams p)
    {
        var marker = S3Xml.Count(p, "part-number-marker", 0, int.MaxValue);
        var maxParts = S3Xml.Count(p, "max-parts", ListCap, ListCap);
        var (upload, parts, truncated) = store.ListParts(p.Required("Bucket"), p.Required("Key"), p.Required("uploadId"), marker, maxParts);
        return S3Xml.Xml(E("ListPartsResult",
            E("Bucket", upload.Bucket), E("Key", upload.Key), E("UploadId", upload.UploadId),
            S3Xml.Owner(world, "Initiator"), S3Xml.Owner(world), E("StorageClass", "STANDARD"),
            E("PartNumberMarker", marker), E("NextPartNumberMarker", parts.Count > 0 ? parts[^1].PartNumber : marker),
            E("MaxParts", maxParts), E("IsTruncated", truncated),
            parts.Select(part => E("Part", E("PartNumber", part.PartNumber), E("LastModified", part.LastModified), E("ETag", part.ETag), E("Size", part.Size)))));
    }

    private SimResponse ListUploads(SimRequest request, SimParams p)
    {
        var url = S3Xml.UrlEncoding(p);
        var (prefix, delimiter) = (p.Get("prefix") ?? "", p.Get("delimiter") is { Length: > 0 } d ? d : null);
        var (keyMarker, uploadIdMarker) = (p.Get("key-marker") is { Length: > 0 } k ? k : null, p.Get("upload-id-marker") is { Length: > 0 } u ? u : null);
        var maxUploads = S3Xml.Count(p, "max-uploads", ListCap, ListCap);
        var page = store.ListUploads(p.Required("Bucket"), new S3ListQuery(prefix, delimiter, keyMarker, maxUploads), keyMarker is null ? null : uploadIdMarker);
        var lastUpload = page.Items.Count > 0 && page.Items[^1].Key == page.Last ? page.Items[^1] : null;
        return S3Xml.Xml(E("ListMultipartUploadsResult",
            E("Bucket", p.Required("Bucket")),
            E("KeyMarker", S3Xml.Encode(keyMarker ?? "", url)), E("UploadIdMarker", uploadIdMarker ?? ""),
            page.IsTruncated ? E("NextKeyMarker", S3Xml.Encode(page.Last, url)) : null,
            page.IsTruncated && lastUpload is not null ? E("NextUploadIdMarker", lastUpload.UploadId) : null,
            Opt("Delimiter", S3Xml.Encode(delimiter, url)), E("Prefix", S3Xml.Encode(prefix, url)),
            E("MaxUploads", maxUploads), E("IsTruncated", page.IsTruncated), url ? E("EncodingType", "url") : null,
            page.Items.Select(upload => E("Upload",
                E("Key", S3Xml.Encode(upload.Key, url)), E("UploadId", upload.UploadId),
                S3Xml.Owner(world, "Initiator"), S3Xml.Owner(world), E("StorageClass", "STANDARD"), E("Initiated", upload.Initiated))),
            page.CommonPrefixes.Select(c => E("CommonPrefixes", E("Prefix", S3Xml.Encode(c, url))))));
    }

    /// <summary>The <c>Part</c> list of a CompleteMultipartUpload body (namespace optional); MalformedXML when it is not one.</summary>
    private static List<CompletedPartInput> ReadParts(ReadOnlyMemory<byte> body)
    {
        XElement root;
        try
        {
            root = XElement.Parse(Encoding.UTF8.GetString(body.Span));
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }

        if (root.Name.LocalName != "CompleteMultipartUpload")
        {
            throw S3Errors.MalformedXml();
        }

        return [.. root.Elements().Where(e => e.Name.LocalName == "Part").Select(part =>
        {
            var number = part.Elements().FirstOrDefault(e => e.Name.LocalName == "PartNumber")?.Value;
            var etag = part.Elements().FirstOrDefault(e => e.Name.LocalName == "ETag")?.Value;
            return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && etag is not null
                ? new CompletedPartInput(n, etag)
                : throw S3Errors.MalformedXml();
        })];
    }
}
