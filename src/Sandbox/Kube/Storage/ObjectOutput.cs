using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Registry;
using Ebops.Sandbox.Kube.Storage;

namespace Ebops.Sandbox.Kube.Storage;

/// <summary>Stored objects as the requested version sees them (the emulator does no conversion beyond apiVersion).</summary>
internal static class ObjectOutput
{
    public static byte[] Bytes(ResourceType type, StoredObject o)
    {
        if (o.ApiVersion == type.GroupVersion)
        {
            return o.Json;
        }
        return JsonSerializer.SerializeToUtf8Bytes(Parse(type, o));
    }

    public static JsonObject Parse(ResourceType type, StoredObject o)
    {
        var obj = o.Parse();
        if (o.ApiVersion == type.GroupVersion)
        {
            return obj;
        }
        if (type.Kind == "Event" && !type.IsCustom)
        {
            return EventConversion.Convert(obj, type.GroupVersion);
        }
        obj["apiVersion"] = type.GroupVersion;
        return obj;
    }

    /// <summary>A List document built around the stored bytes, without re-serializing each item.</summary>
    public static byte[] List(ResourceType type, IReadOnlyList<StoredObject> items, JsonObject listMeta)
    {
        using var buffer = new MemoryStream();
        void Write(string s) => buffer.Write(Encoding.UTF8.GetBytes(s));
        Write($"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.GroupVersion}\",\"metadata\":{listMeta.ToJsonString()},\"items\":[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Write(",");
            }
            buffer.Write(Bytes(type, items[i]));
        }
        Write("]}");
        return buffer.ToArray();
    }

    /// <summary>True when the client asked for metadata only (<c>as=PartialObjectMetadata[List];g=meta.k8s.io</c>).</summary>
    public static bool WantsMetadataOnly(string? accept) =>
        accept is not null && accept.Contains("as=PartialObjectMetadata", StringComparison.Ordinal) && !accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject PartialMetadata(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    public static JsonObject PartialMetadataList(IEnumerable<JsonObject> objects, JsonObject listMeta) => new()
    {
        ["kind"] = "PartialObjectMetadataList",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = listMeta,
        ["items"] = new JsonArray([.. objects.Select(o => (JsonNode)PartialMetadata(o))]),
    };
}
