using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>
/// Generates, for the operations a <see cref="ServiceSpec"/> lists, C# request/response records, Query serializers,
/// XML parsers, the facade's operation methods and its interface, straight from the official min model. Output is
/// deterministic (model member order, the spec's operation order), so a test can regenerate and compare.
/// </summary>
/// <remarks><see cref="ModelAnalyzer"/> and <see cref="ShapeNamer"/> turn the model into a <see cref="ServiceModel"/>;
/// one emitter per output file writes it out.</remarks>
public sealed class Generator(ServiceSpec spec, JsonObject model, JsonObject? paginators)
{
    public static IReadOnlyDictionary<string, string> GenerateAll(string modelsDirectory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in ServiceSpec.All)
        {
            var model = JsonNode.Parse(File.ReadAllText(Path.Combine(modelsDirectory, spec.ModelFile + ".min.json")))!.AsObject();
            var pagPath = Path.Combine(modelsDirectory, spec.ModelFile + ".paginators.json");
            var pag = File.Exists(pagPath) ? JsonNode.Parse(File.ReadAllText(pagPath))!["pagination"]?.AsObject() : null;
            foreach (var (path, text) in new Generator(spec, model, pag).Generate())
            {
                files[path] = text;
            }
        }

        return files;
    }

    public IReadOnlyDictionary<string, string> Generate()
    {
        var service = new ModelAnalyzer(spec, model, paginators).Analyze();
        var api = new ApiEmitter(service);
        var folder = spec.Folder;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{folder}/{spec.Name}Types.g.cs"] = new TypesEmitter(service).Emit(),
            [$"{folder}/{spec.Name}Serializer.g.cs"] = new SerializerEmitter(service).Emit(),
            [$"{folder}/{spec.Name}Parser.g.cs"] = new ParserEmitter(service).Emit(),
            [$"{folder}/{spec.Name}Api.g.cs"] = api.EmitApi(),
            [$"{folder}/I{spec.Name}Api.g.cs"] = api.EmitInterface(),
        };
    }
}
