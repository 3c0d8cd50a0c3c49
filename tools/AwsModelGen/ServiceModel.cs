using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>One service's analysed model: every structure the spec's operations reach, named, in the order the walk
/// met them, and the operations in the spec's order. The emitters read only this.</summary>
internal sealed class ServiceModel(ServiceSpec spec, ModelShapes shapes, string apiVersion, IReadOnlyList<StructInfo> structs, IReadOnlyList<OpInfo> operations)
{
    private readonly Dictionary<string, StructInfo> byKey = structs.ToDictionary(s => s.Key);

    public ServiceSpec Spec { get; } = spec;

    public ModelShapes Shapes { get; } = shapes;

    /// <summary>The model's metadata.apiVersion, e.g. 2010-12-01.</summary>
    public string ApiVersion { get; } = apiVersion;

    public IReadOnlyList<StructInfo> Structs { get; } = structs;

    public IReadOnlyList<OpInfo> Operations { get; } = operations;

    public JsonObject Resolve(JsonObject reference) => Shapes.Resolve(reference);

    public StructInfo StructOf(JsonObject reference) => byKey[Shapes.KeyOf(reference)];

    public bool IsSensitive(string memberName, JsonObject reference) =>
        Spec.SensitiveMembers.Contains(memberName) || reference["sensitive"] is not null || Resolve(reference)["sensitive"] is not null;

    /// <summary>The C# type of a member, fully qualified so the generated files need no usings beyond their own.</summary>
    public string CsType(JsonObject reference)
    {
        var def = Resolve(reference);
        return ModelShapes.TypeOf(def) switch
        {
            "string" or "blob" => "string",
            "integer" => "int",
            "long" => "long",
            "boolean" => "bool",
            "timestamp" => "System.DateTimeOffset",
            "double" or "float" => "double",
            "structure" => StructOf(reference).Name,
            "list" => $"System.Collections.Generic.IReadOnlyList<{CsType(def["member"]!.AsObject())}>",
            "map" => $"System.Collections.Generic.IReadOnlyDictionary<string, {CsType(def["value"]!.AsObject())}>",
            var t => throw new InvalidOperationException("Unsupported type " + t),
        };
    }
}
