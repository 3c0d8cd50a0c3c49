using System.Text.RegularExpressions;

namespace Ebops.Operator.Aws.Core;

/// <summary>Region resolution and the partition a region belongs to.</summary>
internal static partial class AwsRegion
{
    public static bool IsValidName(string region) => RegionName().IsMatch(region);

    /// <summary>Options first, then <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the region of
    /// <see cref="AwsOptions.Profile"/>, then the SDK's fallback (<c>AWS_PROFILE</c> / default profile). Null when
    /// nothing names a region.</summary>
    public static string? Resolve(AwsOptions options, Func<string, string?> env)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return options.Region;
        }

        foreach (var name in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (env(name) is { Length: > 0 } value)
            {
                return value;
            }
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(options.Profile)
                && new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain().TryGetProfile(options.Profile, out var profile)
                && profile.Region is { } profileRegion)
            {
                return profileRegion.SystemName;
            }

            return Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (Amazon.Runtime.AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>DNS suffix of the region's partition: aws and aws-us-gov use amazonaws.com, aws-cn amazonaws.com.cn.</summary>
    public static string DnsSuffix(string region)
    {
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "amazonaws.com.cn";
        }

        // The SDK's partition data knows the rest (including the isolated partitions); the fallback covers regions
        // newer than that data, which all sit in the commercial partition.
        var suffix = Amazon.RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix;
        return string.IsNullOrEmpty(suffix) ? "amazonaws.com" : suffix;
    }

    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
