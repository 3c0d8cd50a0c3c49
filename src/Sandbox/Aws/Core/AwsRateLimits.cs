namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// AWS's default API request limits for the calls the simulator serves, per account and Region (docs/simulator.md
/// lists them with their sources):
/// <list type="bullet">
/// <item>EC2 ("Request throttling for the Amazon EC2 API"): a bucket per action, sized by its category: non-mutating
/// 100 / 20 per second; DescribeSecurityGroups without a filter or pagination 50 / 10; mutating 50 / 5;
/// resource-intensive (Authorize/RevokeSecurityGroupIngress) 50 / 5; CreateTags and DeleteTags 100 / 10.</item>
/// <item>ELBv2 ("Request throttling for the Elastic Load Balancing API"): an account-wide bucket of 40 / 10 shared by
/// every action, plus the category's: CreateLoadBalancer and SetSubnets 10 / 0.2, Register/DeregisterTargets 20 / 4,
/// Describe* 40 / 10, other mutating actions 20 / 3.</item>
/// <item>RDS ("Request throttling for the Amazon RDS API"): 300 requests in a burst, 12 per second sustained, for the
/// account.</item>
/// <item>Elastic Beanstalk publishes no figures ("some calls dozens of times per second, others a few"): the
/// simulator uses ELB's categories, Describe*/List*/Check*/Validate* 40 / 10 and other actions 20 / 3.</item>
/// <item>S3 (the "request rate" performance guideline): 5,500 GET/HEAD and 3,500 PUT/POST/DELETE per second, here per
/// bucket (S3 counts per prefix).</item>
/// </list>
/// </summary>
public static class AwsRateLimits
{
    private static readonly string[] Ec2ResourceIntensive = ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"];
    private static readonly string[] Ec2Uncategorized = ["CreateTags", "DeleteTags"];
    private static readonly string[] Ec2Unfiltered = ["DescribeInstances", "DescribeInstanceStatus", "DescribeNetworkInterfaces", "DescribeSecurityGroups", "DescribeSnapshots", "DescribeSpotInstanceRequests", "DescribeVolumes"];
    private static readonly string[] S3Reads = ["GetObject", "HeadObject", "HeadBucket", "ListObjects", "ListObjectsV2", "ListBuckets", "GetBucketLocation", "ListParts", "ListMultipartUploads"];

    /// <summary>Every default bucket, for <see cref="SimWorldOptions.RateLimits"/>.</summary>
    public static IReadOnlyList<RateLimitRule> Default { get; } =
    [
        .. Ec2(), .. Elbv2(),
        new("rds", "account", 300, 12, (_, _) => true, "account"),
        new("elasticbeanstalk", "non-mutating", 40, 10, (a, _) => IsRead(a) || a.StartsWith("Check", StringComparison.Ordinal) || a.StartsWith("Validate", StringComparison.Ordinal)),
        new("elasticbeanstalk", "mutating", 20, 3, (_, _) => true),
        new("s3", "get-head", 5500, 5500, (a, _) => S3Reads.Contains(a), Partition: BucketOf),
        new("s3", "put-post-delete", 3500, 3500, (_, _) => true, Partition: BucketOf),
    ];

    private static IEnumerable<RateLimitRule> Ec2()
    {
        static string PerAction(string action, IReadOnlyDictionary<string, string> _) => action;
        yield return new("ec2", "resource-intensive", 50, 5, (a, _) => Ec2ResourceIntensive.Contains(a), Partition: PerAction);
        yield return new("ec2", "tags", 100, 10, (a, _) => Ec2Uncategorized.Contains(a), Partition: PerAction);
        yield return new("ec2", "unfiltered-unpaginated", 50, 10, (a, p) => Ec2Unfiltered.Contains(a) && !FilteredOrPaginated(p), Partition: PerAction);
        yield return new("ec2", "non-mutating", 100, 20, (a, _) => IsRead(a) || a.StartsWith("Search", StringComparison.Ordinal), Partition: PerAction);
        yield return new("ec2", "mutating", 50, 5, (_, _) => true, Partition: PerAction);
    }

    private static IEnumerable<RateLimitRule> Elbv2()
    {
        yield return new("elasticloadbalancing", "account", 40, 10, (_, _) => true, "account");
        yield return new("elasticloadbalancing", "resource-intensive", 10, 0.2, (a, _) => a is "CreateLoadBalancer" or "SetSubnets");
        yield return new("elasticloadbalancing", "registration", 20, 4, (a, _) => a is "RegisterTargets" or "DeregisterTargets");
        yield return new("elasticloadbalancing", "non-mutating", 40, 10, (a, _) => IsRead(a));
        yield return new("elasticloadbalancing", "mutating", 20, 3, (_, _) => true);
    }

    private static bool IsRead(string action) =>
        action.StartsWith("Describe", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal) || action.StartsWith("Get", StringComparison.Ordinal);

    private static bool FilteredOrPaginated(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Keys.Any(k => k.StartsWith("Filter.", StringComparison.Ordinal) || k is "MaxResults" or "NextToken");

    private static string BucketOf(string action, IReadOnlyDictionary<string, string> parameters) => parameters.GetValueOrDefault("Bucket") ?? "";
}
