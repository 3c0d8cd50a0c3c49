using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube;

namespace Ebops.EndToEnd.Tests.Examples;

/// <summary>A GitHub Actions workflow file read as data: the workflow's env and one job's steps.</summary>
internal sealed class ActionsWorkflow
{
    private ActionsWorkflow(IReadOnlyDictionary<string, string> env, IReadOnlyList<ActionsStep> steps)
    {
        Env = env;
        Steps = steps;
    }

    public IReadOnlyDictionary<string, string> Env { get; }

    public IReadOnlyList<ActionsStep> Steps { get; }

    public static ActionsWorkflow Load(string path, string job)
    {
        var workflow = ManifestLoader.Load(File.ReadAllText(path)).Single();
        var steps = workflow["jobs"]![job]!["steps"]!.AsArray().Select(s => s!.AsObject()).Select(s => new ActionsStep(
            (string?)s["name"] ?? (string?)s["uses"] ?? "",
            (string?)s["run"],
            (string?)s["uses"],
            (string?)s["working-directory"],
            Strings(s["env"] as JsonObject)));
        return new ActionsWorkflow(Strings(workflow["env"] as JsonObject), [.. steps]);
    }

    public ActionsStep Step(string name) => Steps.Single(s => s.Name == name);

    private static Dictionary<string, string> Strings(JsonObject? map) =>
        map?.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : p.Value?.ToJsonString() ?? "") ?? [];
}
