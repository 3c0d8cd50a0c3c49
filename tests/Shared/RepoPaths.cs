namespace Ebops.Tests.Shared;

/// <summary>Files of the repository the tests were built from (the directory holding ebops.slnx, found from the binary upwards).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Config(params string[] parts) => Path.Combine([Root, "config", .. parts]);

    /// <summary>
    /// The official AWS service models (npm aws-sdk, <c>*.min.json</c>): <c>EBOPS_AWS_MODELS</c> or .cache/aws-models.
    /// Missing models throw with the command that fetches them: a conformance suite that silently skips proves nothing.
    /// </summary>
    public static string AwsModels
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("EBOPS_AWS_MODELS") is { Length: > 0 } env ? env : Get(".cache", "aws-models");
            return File.Exists(Path.Combine(dir, "rds-2014-10-31.min.json"))
                ? dir
                : throw new InvalidOperationException($"The official AWS models are missing from {dir}. Fetch them with: bash tools/aws-models/fetch.sh (or set EBOPS_AWS_MODELS).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (ebops.slnx) not found above " + AppContext.BaseDirectory);
    }
}
