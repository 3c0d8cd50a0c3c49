using System.Text.RegularExpressions;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// The runtime settings the operator image ships as environment variables (the Dockerfile's runtime stage, <c>ENV
/// DOTNET_GC...</c>: settings the .NET runtime reads from the environment only), so the operator process the bench
/// starts runs with them as it does in the image. <c>DOTNET_EnableDiagnostics</c> is left out: the bench attaches
/// dotnet-counters and dotnet-trace to the process. Plus the GC heap limit the runtime derives from the Deployment's
/// memory limit in a container (75 % of <c>resources.limits.memory</c> in config/manager/deployment.yaml): outside a
/// container the GC sizes itself for the whole machine and keeps far more committed than it would under that limit.
/// </summary>
internal static partial class ImageEnvironment
{
    public const string HeapHardLimit = "DOTNET_GCHeapHardLimit";

    public static IReadOnlyDictionary<string, string> Load()
    {
        var variables = new Dictionary<string, string>(Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"))), StringComparer.Ordinal);
        if (!variables.ContainsKey(HeapHardLimit) && MemoryLimit(File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "manager", "deployment.yaml"))) is { } limit)
        {
            variables[HeapHardLimit] = "0x" + (limit * 3 / 4).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        }

        return variables;
    }

    /// <summary>The container's <c>resources.limits.memory</c> in bytes (Mi or Gi), or null when there is none.</summary>
    public static long? MemoryLimit(string deploymentYaml)
    {
        var match = LimitsMemory().Match(deploymentYaml);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * (match.Groups[2].Value == "Gi" ? 1L << 30 : 1L << 20) : null;
    }

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

    [GeneratedRegex(@"limits:\s*\n(?:\s+\w+:.*\n)*?\s+memory:\s*(\d+)(Mi|Gi)")]
    private static partial Regex LimitsMemory();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex Assignment();
}
