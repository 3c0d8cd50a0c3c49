using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Reading the min model: shape references, types, members and the wire names the Query protocol uses.</summary>
internal sealed class ModelShapes(JsonObject shapes)
{
    /// <summary>The definition a member reference points at: the named shape, or the reference itself when inline.</summary>
    public JsonObject Resolve(JsonObject reference) =>
        reference["shape"] is JsonValue id ? shapes[(string)id!]!.AsObject() : reference;

    public static string TypeOf(JsonObject def) => (string?)def["type"] ?? "string";

    public static IEnumerable<(string Name, JsonObject Ref)> Members(JsonObject def) =>
        def["members"]?.AsObject().Select(m => (m.Key, m.Value!.AsObject())) ?? [];

    public static IReadOnlySet<string> Required(JsonObject def) =>
        def["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];

    public static string WireName(string memberName, JsonObject reference) => (string?)reference["locationName"] ?? memberName;

    /// <summary>The identity of an inline structure (one without a shape id).</summary>
    public static string Canonical(JsonObject def) => def.ToJsonString();

    /// <summary>The key a structure reference is registered under (see <see cref="StructInfo.Key"/>).</summary>
    public string KeyOf(JsonObject reference) =>
        reference["shape"] is JsonValue id ? "id:" + (string)id! : "inline:" + Canonical(Resolve(reference));
}
