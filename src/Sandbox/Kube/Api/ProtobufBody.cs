using System.Text;
using System.Text.Json.Nodes;

using Ebops.Sandbox.Kube.Errors;

namespace Ebops.Sandbox.Kube.Api;

/// <summary>
/// Reads the Kubernetes protobuf envelope (<c>k8s\0</c> + runtime.Unknown) for the few built-in kinds whose typed
/// kubectl commands send protobuf (<c>kubectl create namespace|secret|configmap|serviceaccount</c>) and turns it into
/// the JSON object the rest of the emulator understands. Responses stay JSON, which those clients also accept.
/// </summary>
internal static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw KubeApiException.BadRequest("protobuf body without the k8s envelope");
        }
        string? apiVersion = null, kind = null;
        byte[] raw = [];
        foreach (var (field, value) in Fields(body.AsMemory(4)))
        {
            switch (field)
            {
                case 1:
                    foreach (var (f, v) in Fields(value))
                    {
                        if (f == 1) { apiVersion = Text(v); }
                        if (f == 2) { kind = Text(v); }
                    }
                    break;
                case 2:
                    raw = value.ToArray();
                    break;
            }
        }
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (field, value) in Fields(raw))
        {
            switch (kind, field)
            {
                case (_, 1):
                    obj["metadata"] = Metadata(value);
                    break;
                case ("ConfigMap", 2) or ("Secret", 4):
                    Map(obj, field == 2 ? "data" : "stringData", value, bytes: false);
                    break;
                case ("ConfigMap", 3) or ("Secret", 2):
                    Map(obj, field == 2 ? "data" : "binaryData", value, bytes: true);
                    break;
                case ("Secret", 3) when value.Length > 0:
                    obj["type"] = Text(value);
                    break;
                case ("Namespace", 2):
                    var finalizers = new JsonArray();
                    foreach (var (f, v) in Fields(value))
                    {
                        if (f == 1) { finalizers.Add(Text(v)); }
                    }
                    obj["spec"] = new JsonObject { ["finalizers"] = finalizers };
                    break;
            }
        }
        return obj;
    }

    private static JsonObject Metadata(ReadOnlyMemory<byte> bytes)
    {
        var meta = new JsonObject();
        foreach (var (field, value) in Fields(bytes))
        {
            switch (field)
            {
                // gogo-protobuf writes empty strings; JSON omits them.
                case 1 or 2 or 3 when value.Length == 0: break;
                case 1: meta["name"] = Text(value); break;
                case 2: meta["generateName"] = Text(value); break;
                case 3: meta["namespace"] = Text(value); break;
                case 11: Map(meta, "labels", value, bytes: false); break;
                case 12: Map(meta, "annotations", value, bytes: false); break;
                case 14:
                    var finalizers = meta["finalizers"] as JsonArray ?? [];
                    finalizers.Add(Text(value));
                    meta["finalizers"] = finalizers;
                    break;
            }
        }
        return meta;
    }

    /// <summary>One map entry (key = 1, value = 2) added to <c>obj[name]</c>.</summary>
    private static void Map(JsonObject obj, string name, ReadOnlyMemory<byte> entry, bool bytes)
    {
        var map = obj[name] as JsonObject ?? [];
        string key = "";
        string value = "";
        foreach (var (f, v) in Fields(entry))
        {
            if (f == 1) { key = Text(v); }
            if (f == 2) { value = bytes ? Convert.ToBase64String(v.Span) : Text(v); }
        }
        map[key] = value;
        obj[name] = map;
    }

    private static string Text(ReadOnlyMemory<byte> v) => Encoding.UTF8.GetString(v.Span);

    /// <summary>Length-delimited fields only (numbers are skipped: none of the decoded fields needs them).</summary>
    private static IEnumerable<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> data)
    {
        var position = 0;
        while (position < data.Length)
        {
            var tag = Varint(data.Span, ref position);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    Varint(data.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)Varint(data.Span, ref position);
                    yield return (field, data.Slice(position, length));
                    position += length;
                    break;
                default:
                    throw KubeApiException.BadRequest("unsupported protobuf wire type");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw KubeApiException.BadRequest("malformed protobuf varint");
    }
}
