using System.Text.Json.Nodes;
using Ebops.Tests.Shared;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.EndToEnd.Tests.ArgoCd;

/// <summary>The scripts exactly as Argo CD reads them from the shipped argocd-cm patch (config/argocd/argocd-cm.yaml).</summary>
internal static class ArgoCdConfig
{
    private static readonly Lazy<JsonObject> Data = new(() =>
        YamlDocuments.LoadObject(File.ReadAllText(RepoPaths.Config("argocd", "argocd-cm.yaml")))["data"]!.AsObject());

    public static IReadOnlyList<string> Kinds { get; } = ["RdsDatabase", "BeanstalkApp", "NlbFrontend", "BlueGreenRelease"];

    public static string Health(string kind) => Value($"resource.customizations.health.ebops.io_{kind}");

    public static string Discovery(string kind) => (string)Actions(kind)["discovery.lua"]!;

    public static IReadOnlyList<string> ActionNames(string kind) =>
        Actions(kind)["definitions"]!.AsArray().Select(d => (string)d!["name"]!).ToList();

    public static string Action(string kind, string name) =>
        (string)Actions(kind)["definitions"]!.AsArray().Single(d => (string?)d!["name"] == name)!["action.lua"]!;

    private static JsonObject Actions(string kind) => YamlDocuments.LoadObject(Value($"resource.customizations.actions.ebops.io_{kind}"));

    private static string Value(string key) => (string?)Data.Value[key] ?? throw new InvalidOperationException($"argocd-cm has no {key}");
}
