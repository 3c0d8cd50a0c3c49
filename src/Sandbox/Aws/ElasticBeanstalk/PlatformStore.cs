namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>The simulated platform catalogue (<see cref="EbPlatformCatalog"/>): lookups by solution stack or ARN, and filters.</summary>
internal sealed class PlatformStore(string region)
{
    public IReadOnlyList<EbPlatform> All { get; } = EbPlatformCatalog.For(region);

    /// <summary>The platform named by ARN (preferred) or solution stack; <c>No Solution Stack named 'x' found.</c> otherwise.</summary>
    public EbPlatform Resolve(string? solutionStack, string? platformArn)
    {
        if (platformArn is not null)
        {
            return All.FirstOrDefault(p => p.Arn == platformArn) ?? throw EbErrors.Invalid($"No Platform named '{platformArn}' found.");
        }

        return All.FirstOrDefault(p => p.SolutionStackName == solutionStack) ?? throw EbErrors.Invalid($"No Solution Stack named '{solutionStack}' found.");
    }

    /// <summary>The platforms every filter matches (ListPlatformVersions).</summary>
    public IReadOnlyList<EbPlatform> Filter(IReadOnlyList<EbPlatformFilter> filters)
    {
        IEnumerable<EbPlatform> result = All;
        foreach (var filter in filters)
        {
            Func<EbPlatform, string?> field = filter.Type switch
            {
                "PlatformName" => x => x.BranchName,
                "PlatformVersion" => x => x.Version,
                "PlatformStatus" => _ => "Ready",
                "PlatformBranchName" => x => x.BranchName,
                "PlatformLifecycleState" => _ => null,
                "PlatformOwner" => _ => "AWSElasticBeanstalk",
                "SupportedTier" => _ => "WebServer/Standard",
                "SupportedAddon" => _ => "Log/S3",
                "ProgrammingLanguageName" => x => x.LanguageName,
                "OperatingSystemName" => _ => "Amazon Linux",
                _ => throw EbErrors.Invalid($"Invalid filter type '{filter.Type}'."),
            };
            result = result.Where(x => Matches(field(x), filter.Operator, filter.Values, filter.Type == "PlatformVersion")).ToList();
        }

        return [.. result];
    }

    private static bool Matches(string? actual, string op, IReadOnlyList<string> values, bool isVersion)
    {
        if (actual is null)
        {
            return op == "!=";
        }

        return op switch
        {
            "=" => values.Contains(actual),
            "!=" => !values.Contains(actual),
            "contains" => values.Any(v => actual.Contains(v, StringComparison.Ordinal)),
            "begins_with" => values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
            "ends_with" => values.Any(v => actual.EndsWith(v, StringComparison.Ordinal)),
            "<" or "<=" or ">" or ">=" when isVersion && values.Count == 1 && Version.TryParse(actual, out var a) && Version.TryParse(values[0], out var b) => op switch
            {
                "<" => a < b,
                "<=" => a <= b,
                ">" => a > b,
                _ => a >= b,
            },
            _ => throw EbErrors.Invalid($"Invalid filter operator '{op}'."),
        };
    }
}
