using System.Text;
using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Emits <c>{Service}Serializer.g.cs</c>: per operation the Query parameters of its request, per structure a
/// writer, exactly as the model says (locationName, member, flattened, entry).</summary>
internal sealed class SerializerEmitter(ServiceModel model)
{
    public string Emit()
    {
        var sb = GeneratedFile.Start(model.Spec);
        sb.AppendLine("/// <summary>Query-protocol serialization exactly as the model says (locationName, member, flattened, entry).</summary>");
        sb.AppendLine($"internal static class {model.Spec.Name}Serializer");
        sb.AppendLine("{");
        foreach (var op in model.Operations)
        {
            sb.AppendLine($"    public static Ebops.Operator.Aws.Core.QueryParams {op.Name}({op.Input.Name} request)");
            sb.AppendLine("    {");
            sb.AppendLine("        var p = new Ebops.Operator.Aws.Core.QueryParams();");
            sb.AppendLine($"        Write{op.Input.Name}(p, \"\", request);");
            sb.AppendLine("        return p;");
            sb.AppendLine("    }");
            sb.AppendLine();
        }

        foreach (var info in model.Structs)
        {
            EmitWriter(sb, info);
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("}");
        return GeneratedFile.Finish(sb);
    }

    private void EmitWriter(StringBuilder sb, StructInfo info)
    {
        sb.AppendLine($"    internal static void Write{info.Name}(Ebops.Operator.Aws.Core.QueryParams p, string prefix, {info.Name} v)");
        sb.AppendLine("    {");
        var counter = 0;
        foreach (var (name, reference) in ModelShapes.Members(info.Def))
        {
            var local = "m" + counter++;
            sb.AppendLine($"        if (v.{name} is {{ }} {local})");
            sb.AppendLine("        {");
            EmitWrite(sb, "p", reference, local, $"prefix + \"{ModelShapes.WireName(name, reference)}\"", model.IsSensitive(name, reference), 3, ref counter);
            sb.AppendLine("        }");
            sb.AppendLine();
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("    }");
        sb.AppendLine();
    }

    private void EmitWrite(StringBuilder sb, string p, JsonObject reference, string value, string key, bool sensitive, int depth, ref int counter)
    {
        var pad = new string(' ', depth * 4);
        var def = model.Resolve(reference);
        switch (ModelShapes.TypeOf(def))
        {
            case "structure":
                sb.AppendLine($"{pad}Write{model.StructOf(reference).Name}({p}, {key} + \".\", {value});");
                break;
            case "list":
            {
                // List encoding lives in QueryParams.AddList; the generated code only says how to write one item.
                var member = def["member"]!.AsObject();
                var itemName = (bool?)def["flattened"] == true ? "null" : $"\"{(string?)member["locationName"] ?? "member"}\"";
                var n = counter++;
                var (q, k, x) = ("q" + n, "k" + n, "x" + n);
                sb.AppendLine($"{pad}{p}.AddList({key}, {itemName}, {value}, static ({q}, {k}, {x}) =>");
                sb.AppendLine($"{pad}{{");
                EmitWrite(sb, q, member, x, k, sensitive, depth + 1, ref counter);
                sb.AppendLine($"{pad}}});");
                break;
            }

            case "map":
                EmitMapWrite(sb, p, def, value, key, sensitive, depth, ref counter);
                break;

            default:
                sb.AppendLine(sensitive && model.CsType(reference) == "string"
                    ? $"{pad}{p}.AddSensitive({key}, {value});"
                    : $"{pad}{p}.Add({key}, {value});");
                break;
        }
    }

    private void EmitMapWrite(StringBuilder sb, string p, JsonObject def, string value, string key, bool sensitive, int depth, ref int counter)
    {
        var pad = new string(' ', depth * 4);
        var flattened = (bool?)def["flattened"] == true;
        var keyName = (string?)def["key"]!["locationName"] ?? "key";
        var valueName = (string?)def["value"]!["locationName"] ?? "value";
        var i = "i" + counter++;
        var entry = "e" + counter++;
        var entryKey = flattened ? $"{key} + \".\" + {i}" : $"{key} + \".entry.\" + {i}";
        sb.AppendLine($"{pad}var {i} = 1;");
        sb.AppendLine($"{pad}foreach (var {entry} in {value})");
        sb.AppendLine($"{pad}{{");
        sb.AppendLine($"{pad}    {p}.Add({entryKey} + \".{keyName}\", {entry}.Key);");
        EmitWrite(sb, p, def["value"]!.AsObject(), $"{entry}.Value", $"{entryKey} + \".{valueName}\"", sensitive, depth + 1, ref counter);
        sb.AppendLine($"{pad}    {i}++;");
        sb.AppendLine($"{pad}}}");
    }
}
