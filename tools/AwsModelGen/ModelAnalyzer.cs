using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>Walks the model from the operations a <see cref="ServiceSpec"/> lists, collecting every structure they
/// reach (with the ways it was reached, for <see cref="ShapeNamer"/>) and each operation's paging.</summary>
internal sealed class ModelAnalyzer(ServiceSpec spec, JsonObject model, JsonObject? paginators)
{
    private readonly ModelShapes shapes = new(model["shapes"]!.AsObject());
    private readonly JsonObject operations = model["operations"]!.AsObject();
    private readonly List<StructInfo> structs = [];
    private readonly Dictionary<string, StructInfo> byKey = [];
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);

    public ServiceModel Analyze()
    {
        var ops = new List<OpInfo>();
        foreach (var name in spec.Operations)
        {
            ops.Add(AnalyzeOperation(name));
        }

        new ShapeNamer(spec, byKey, usedNames).AssignNames(structs);
        return new ServiceModel(spec, shapes, model["metadata"]!["apiVersion"]!.ToString(), structs, ops);
    }

    private OpInfo AnalyzeOperation(string name)
    {
        var op = operations[name]?.AsObject() ?? throw new InvalidOperationException($"{spec.ModelFile} has no operation {name}");
        var inputRef = op["input"]?.AsObject() ?? new JsonObject { ["type"] = "structure", ["members"] = new JsonObject() };
        var input = new StructInfo("input:" + name, shapes.Resolve(inputRef), null) { Name = name + "Request" };
        Register(input);
        usedNames.Add(input.Name);
        VisitMembers(input);

        StructInfo? output = null;
        string? wrapper = null;
        if (op["output"]?.AsObject() is { } outputRef)
        {
            wrapper = (string?)outputRef["resultWrapper"];
            output = Visit(outputRef, name + "Response", 9, name, "output", topLevelOutput: name);
        }

        return new OpInfo(name, input, output, wrapper, FindPaging(name, input.Def, output?.Def));
    }

    private Paging? FindPaging(string op, JsonObject input, JsonObject? output)
    {
        if (output is null)
        {
            return null;
        }

        var inMembers = input["members"]!.AsObject();
        var outMembers = output["members"]!.AsObject();
        var p = paginators?[op]?.AsObject();
        var inToken = (string?)p?["input_token"] ?? new[] { "NextToken", "Marker" }.FirstOrDefault(inMembers.ContainsKey);
        var outToken = (string?)p?["output_token"] ?? new[] { "NextToken", "NextMarker", "Marker" }.FirstOrDefault(outMembers.ContainsKey);
        if (inToken is null || outToken is null || !inMembers.ContainsKey(inToken) || !outMembers.ContainsKey(outToken))
        {
            return null;
        }

        var resultKey = (string?)p?["result_key"]
            ?? outMembers.Where(m => ModelShapes.TypeOf(shapes.Resolve(m.Value!.AsObject())) == "list").Select(m => m.Key).SingleOrDefault();
        return resultKey is null ? null : new Paging(inToken, outToken, resultKey);
    }

    private StructInfo? Visit(JsonObject reference, string hint, int priority, string parent, string member, string? topLevelOutput = null)
    {
        var def = shapes.Resolve(reference);
        switch (ModelShapes.TypeOf(def))
        {
            case "structure":
            {
                var id = (string?)reference["shape"];
                var key = id is not null ? "id:" + id : topLevelOutput is not null ? "output:" + topLevelOutput : "inline:" + ModelShapes.Canonical(def);
                var isNew = !byKey.TryGetValue(key, out var info);
                if (isNew)
                {
                    info = new StructInfo(key, def, id);
                    Register(info);
                }

                info!.Candidates.Add((priority, hint, parent, member));
                if (isNew)
                {
                    VisitMembers(info);
                }

                return info;
            }

            case "list":
            {
                var item = def["member"]!.AsObject();
                Visit(item, (string?)item["locationName"] ?? Singular(hint), 1, parent, hint);
                return null;
            }

            case "map":
                Visit(def["value"]!.AsObject(), Singular(hint) + "Value", 2, parent, hint);
                return null;
            default:
                return null;
        }
    }

    private void VisitMembers(StructInfo info)
    {
        foreach (var (memberName, memberRef) in ModelShapes.Members(info.Def))
        {
            Visit(memberRef, memberName, 0, info.Key, memberName);
        }
    }

    private void Register(StructInfo info)
    {
        byKey[info.Key] = info;
        structs.Add(info);
    }

    private static string Singular(string name)
    {
        if (name.EndsWith("List", StringComparison.Ordinal) && name.Length > 4)
        {
            return name[..^4];
        }

        if (name.EndsWith("ies", StringComparison.Ordinal))
        {
            return name[..^3] + "y";
        }

        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("uses", StringComparison.Ordinal))
        {
            return name[..^2];
        }

        return name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) ? name[..^1] : name;
    }
}
