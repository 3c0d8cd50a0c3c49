using System.Text.Json.Nodes;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>The official AWS models (npm aws-sdk@2.1693.0) the tests check against. Missing models fail the test with
/// the command that fetches them: a conformance suite that silently skips proves nothing.</summary>
internal static class AwsModels
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Directory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("EBOPS_AWS_MODELS") is { Length: > 0 } env ? env : Path.Combine(RepoRoot, ".cache", "aws-models");
            if (!File.Exists(Path.Combine(dir, "rds-2014-10-31.min.json")))
            {
                Assert.Fail($"The official AWS models are missing from {dir}. Fetch them with: bash tools/aws-models/fetch.sh (or set EBOPS_AWS_MODELS).");
            }

            return dir;
        }
    }

    public static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file + ".min.json")))!.AsObject();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the ebops repository.");
    }
}
