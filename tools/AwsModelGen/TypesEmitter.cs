using System.Text;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Emits <c>{Service}Types.g.cs</c>: one record per structure, members nullable, required and sensitive
/// members documented, and sensitive members masked in <c>ToString()</c>.</summary>
internal sealed class TypesEmitter(ServiceModel model)
{
    public string Emit()
    {
        var sb = GeneratedFile.Start(model.Spec);
        foreach (var info in model.Structs)
        {
            EmitRecord(sb, info);
        }

        return GeneratedFile.Finish(sb);
    }

    private void EmitRecord(StringBuilder sb, StructInfo info)
    {
        var required = ModelShapes.Required(info.Def);
        sb.AppendLine($"/// <summary>{Describe(info)}</summary>");
        sb.AppendLine($"public sealed record {info.Name}");
        sb.AppendLine("{");
        var sensitive = new List<string>();
        foreach (var (name, reference) in ModelShapes.Members(info.Def))
        {
            if (required.Contains(name))
            {
                sb.AppendLine("    /// <summary>Required by the model.</summary>");
            }

            if (model.IsSensitive(name, reference))
            {
                sb.AppendLine("    /// <summary>Sensitive: never printed, logged or echoed.</summary>");
                sensitive.Add(name);
            }

            sb.AppendLine($"    public {model.CsType(reference)}? {name} {{ get; init; }}");
            sb.AppendLine();
        }

        if (sensitive.Count > 0)
        {
            EmitPrintMembers(sb, info, sensitive);
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("}");
        sb.AppendLine();
    }

    // Records print every member in ToString(); this one masks the sensitive ones.
    private static void EmitPrintMembers(StringBuilder sb, StructInfo info, List<string> sensitive)
    {
        sb.AppendLine("    private bool PrintMembers(System.Text.StringBuilder builder)");
        sb.AppendLine("    {");
        var first = true;
        foreach (var (name, _) in ModelShapes.Members(info.Def))
        {
            var sep = first ? "" : ", ";
            first = false;
            sb.AppendLine(sensitive.Contains(name)
                ? $"        builder.Append(\"{sep}{name} = \").Append({name} is null ? \"\" : \"***\");"
                : $"        builder.Append(\"{sep}{name} = \").Append({name});");
        }

        sb.AppendLine("        return true;");
        sb.AppendLine("    }");
    }

    private static string Describe(StructInfo info) => info.Key switch
    {
        var k when k.StartsWith("input:", StringComparison.Ordinal) => $"Input of {k[6..]}.",
        var k when k.StartsWith("output:", StringComparison.Ordinal) => $"Result of {k[7..]}.",
        _ when info.Id is not null => $"Model shape {info.Id}, named from {info.Path}.",
        _ => $"Model structure, named from {info.Path}.",
    };
}
