namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// The EC2 instance types the simulated platforms offer (DescribeConfigurationOptions lists them as the ValueOptions
/// of <c>InstanceType</c> and <c>InstanceTypes</c>): current general-purpose, compute- and memory-optimised families,
/// x86_64 and Graviton.
/// </summary>
internal static class EbInstanceTypes
{
    private static readonly string[] BurstableSizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];
    private static readonly string[] IntelSizes = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
    private static readonly string[] GravitonSizes = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

    public static IReadOnlyList<string> All { get; } =
    [
        .. Sized(["t2", "t3", "t3a", "t4g"], BurstableSizes),
        .. Sized(["m5", "m5a", "m6i", "m6a", "m7i", "c5", "c5a", "c6i", "c6a", "c7i", "r5", "r5a", "r6i", "r6a", "r7i"], IntelSizes),
        .. Sized(["m6g", "m7g", "c6g", "c7g", "r6g", "r7g"], GravitonSizes),
    ];

    private static IEnumerable<string> Sized(string[] families, string[] sizes) =>
        families.SelectMany(f => sizes.Select(s => $"{f}.{s}"));
}
