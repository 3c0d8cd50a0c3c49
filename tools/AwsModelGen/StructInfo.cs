using System.Text.Json.Nodes;

namespace Ebops.Tools.AwsModelGen;

/// <summary>One structure the generated code covers: its model definition, the ways the walk reached it (candidates
/// for its name), and the name and naming path it was given.</summary>
internal sealed class StructInfo(string key, JsonObject def, string? id)
{
    /// <summary>"input:Op" or "output:Op" for top-level shapes, "id:Shape" for a model shape, "inline:{json}" otherwise.</summary>
    public string Key { get; } = key;

    public JsonObject Def { get; } = def;

    public string? Id { get; } = id;

    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public List<(int Priority, string Hint, string Parent, string Member)> Candidates { get; } = [];

    public bool IsInput => Key.StartsWith("input:", StringComparison.Ordinal);
}
