using System.Text;
using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Emits <c>{Service}Parser.g.cs</c>: a reader per response structure, element names from locationName,
/// wrapped or flattened lists and maps, through the runtime's <c>XmlRead</c>.</summary>
internal sealed class ParserEmitter(ServiceModel model)
{
    public string Emit()
    {
        var sb = GeneratedFile.Start(model.Spec);
        sb.AppendLine("/// <summary>Response parsing from the model: element names from locationName, wrapped or flattened lists.</summary>");
        sb.AppendLine($"internal static class {model.Spec.Name}Parser");
        sb.AppendLine("{");
        foreach (var info in model.Structs.Where(s => !s.IsInput))
        {
            sb.AppendLine($"    internal static {info.Name} Read{info.Name}(System.Xml.Linq.XElement e) => new()");
            sb.AppendLine("    {");
            foreach (var (name, reference) in ModelShapes.Members(info.Def))
            {
                sb.AppendLine($"        {name} = {ReadExpr(reference, ModelShapes.WireName(name, reference))},");
            }

            sb.AppendLine("    };");
            sb.AppendLine();
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("}");
        return GeneratedFile.Finish(sb);
    }

    private string ReadExpr(JsonObject reference, string wire)
    {
        var def = model.Resolve(reference);
        switch (ModelShapes.TypeOf(def))
        {
            case "structure":
                return $"XmlRead.Child(e, \"{wire}\") is {{ }} c_{wire} ? Read{model.StructOf(reference).Name}(c_{wire}) : null";
            case "list":
            {
                var member = def["member"]!.AsObject();
                return (bool?)def["flattened"] == true
                    ? $"XmlRead.FlatList(e, \"{(string?)member["locationName"] ?? wire}\", {ItemReader(member)})"
                    : $"XmlRead.List(e, \"{wire}\", \"{(string?)member["locationName"] ?? "member"}\", {ItemReader(member)})";
            }

            case "map":
                return $"XmlRead.Map(e, \"{wire}\", {((bool?)def["flattened"] == true ? "true" : "false")}, \"{(string?)def["key"]!["locationName"] ?? "key"}\", \"{(string?)def["value"]!["locationName"] ?? "value"}\", {ItemReader(def["value"]!.AsObject())})";
            default:
                return $"XmlRead.{ScalarReader(def)}(e, \"{wire}\")";
        }
    }

    private string ItemReader(JsonObject reference)
    {
        var def = model.Resolve(reference);
        return ModelShapes.TypeOf(def) switch
        {
            "structure" => "Read" + model.StructOf(reference).Name,
            "list" or "map" => throw new InvalidOperationException("Nested collections are not used by the selected operations."),
            _ => "XmlRead." + ScalarReader(def) switch { "Str" => "TextOf", var s => s + "Of" },
        };
    }

    private static string ScalarReader(JsonObject def) => ModelShapes.TypeOf(def) switch
    {
        "integer" => "Int",
        "long" => "Long",
        "boolean" => "Bool",
        "timestamp" => "Time",
        "double" or "float" => "Double",
        _ => "Str",
    };
}
