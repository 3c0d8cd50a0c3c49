using System.Text.Json.Nodes;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>The official AWS models (npm aws-sdk@2.1693.0) the tests check against, from <see cref="RepoPaths.AwsModels"/>.</summary>
internal static class AwsModels
{
    public static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.AwsModels, file + ".min.json")))!.AsObject();
}
