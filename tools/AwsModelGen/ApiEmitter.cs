using System.Text;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Emits the facade's operation methods (<c>{Service}Api.g.cs</c>, a partial of the hand-written client) and
/// its interface (<c>I{Service}Api.g.cs</c>): one async method per operation, and an <c>...AllAsync</c> enumerator for
/// each operation that pages.</summary>
internal sealed class ApiEmitter(ServiceModel model)
{
    public string EmitApi()
    {
        var sb = GeneratedFile.Start(model.Spec);
        sb.AppendLine($"internal sealed partial class {model.Spec.Name}Api");
        sb.AppendLine("{");
        foreach (var op in model.Operations)
        {
            EmitCall(sb, op);
            if (PagedItemType(op) is { } itemType)
            {
                EmitAll(sb, op, op.Paging!, itemType);
            }
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("}");
        return GeneratedFile.Finish(sb);
    }

    public string EmitInterface()
    {
        var sb = GeneratedFile.Start(model.Spec);
        sb.AppendLine($"public partial interface I{model.Spec.Name}Api");
        sb.AppendLine("{");
        foreach (var op in model.Operations)
        {
            sb.AppendLine($"    /// <summary>{op.Name} ({model.ApiVersion}). Throws <see cref=\"Ebops.Operator.Aws.Core.AwsApiException\"/> on failure.</summary>");
            sb.AppendLine($"    {Returns(op)} {op.Name}Async({op.Input.Name} request, System.Threading.CancellationToken cancellationToken = default);");
            sb.AppendLine();
            if (PagedItemType(op) is { } itemType)
            {
                var paging = op.Paging!;
                sb.AppendLine($"    /// <summary>Every {paging.ResultKey} item of {op.Name}, following {paging.OutputToken} across pages.</summary>");
                sb.AppendLine($"    System.Collections.Generic.IAsyncEnumerable<{itemType}> {op.Name}AllAsync({op.Input.Name} request, System.Threading.CancellationToken cancellationToken = default);");
                sb.AppendLine();
            }
        }

        GeneratedFile.TrimBlank(sb);
        sb.AppendLine("}");
        return GeneratedFile.Finish(sb);
    }

    private static string Returns(OpInfo op) =>
        op.Output is null ? "System.Threading.Tasks.Task" : $"System.Threading.Tasks.Task<{op.Output.Name}>";

    /// <summary>The item type of a paging operation's result list; null when the operation does not page.</summary>
    private string? PagedItemType(OpInfo op)
    {
        if (op.Paging is not { } paging || op.Output is null)
        {
            return null;
        }

        var list = model.CsType(ModelShapes.Members(op.Output.Def).Single(m => m.Name == paging.ResultKey).Ref);
        return list[(list.IndexOf('<') + 1)..^1];
    }

    private void EmitCall(StringBuilder sb, OpInfo op)
    {
        var wrapper = op.ResultWrapper is null ? "null" : $"\"{op.ResultWrapper}\"";
        sb.AppendLine($"    public async {Returns(op)} {op.Name}Async({op.Input.Name} request, System.Threading.CancellationToken cancellationToken = default)");
        sb.AppendLine("    {");
        sb.AppendLine($"        var p = {model.Spec.Name}Serializer.{op.Name}(request);");
        if (op.Output is not null)
        {
            sb.AppendLine($"        var result = await Client.CallAsync(\"{op.Name}\", p.Items, {wrapper}, p.Sensitive, cancellationToken).ConfigureAwait(false);");
            sb.AppendLine($"        return result is null ? new {op.Output.Name}() : {model.Spec.Name}Parser.Read{op.Output.Name}(result);");
        }
        else
        {
            sb.AppendLine($"        await Client.CallAsync(\"{op.Name}\", p.Items, {wrapper}, p.Sensitive, cancellationToken).ConfigureAwait(false);");
        }

        sb.AppendLine("    }");
        sb.AppendLine();
    }

    private static void EmitAll(StringBuilder sb, OpInfo op, Paging paging, string itemType)
    {
        sb.AppendLine($"    public async System.Collections.Generic.IAsyncEnumerable<{itemType}> {op.Name}AllAsync({op.Input.Name} request, [System.Runtime.CompilerServices.EnumeratorCancellation] System.Threading.CancellationToken cancellationToken = default)");
        sb.AppendLine("    {");
        sb.AppendLine("        var next = request;");
        sb.AppendLine("        while (true)");
        sb.AppendLine("        {");
        sb.AppendLine($"            var page = await {op.Name}Async(next, cancellationToken).ConfigureAwait(false);");
        sb.AppendLine($"            foreach (var item in page.{paging.ResultKey} ?? [])");
        sb.AppendLine("            {");
        sb.AppendLine("                yield return item;");
        sb.AppendLine("            }");
        sb.AppendLine();
        sb.AppendLine($"            if (string.IsNullOrEmpty(page.{paging.OutputToken}) || page.{paging.OutputToken} == next.{paging.InputToken})");
        sb.AppendLine("            {");
        sb.AppendLine("                yield break;");
        sb.AppendLine("            }");
        sb.AppendLine();
        sb.AppendLine($"            next = next with {{ {paging.InputToken} = page.{paging.OutputToken} }};");
        sb.AppendLine("        }");
        sb.AppendLine("    }");
        sb.AppendLine();
    }
}
