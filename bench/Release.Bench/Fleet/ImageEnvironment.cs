using System.Text.RegularExpressions;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// The runtime settings the operator image ships as environment variables (the Dockerfile's runtime stage, <c>ENV
/// DOTNET_GC...</c>: settings the .NET runtime reads from the environment only), so the operator process the bench
/// starts runs with them as it does in the image. <c>DOTNET_EnableDiagnostics</c> is left out: the bench attaches
/// dotnet-counters and dotnet-trace to the process.
/// </summary>
internal static partial class ImageEnvironment
{
    public static IReadOnlyDictionary<string, string> Load() => Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")));

    /// <summary>The <c>DOTNET_GC*</c> variables of the last stage's ENV instructions.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string dockerfile)
    {
        var joined = dockerfile.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        var lines = joined.Split('\n');
        var lastStage = Array.FindLastIndex(lines, l => l.TrimStart().StartsWith("FROM ", StringComparison.OrdinalIgnoreCase));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(Math.Max(0, lastStage)).Where(l => l.TrimStart().StartsWith("ENV ", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match pair in Assignment().Matches(line))
            {
                if (pair.Groups[1].Value.StartsWith("DOTNET_GC", StringComparison.Ordinal))
                {
                    result[pair.Groups[1].Value] = pair.Groups[2].Value;
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex Assignment();
}
