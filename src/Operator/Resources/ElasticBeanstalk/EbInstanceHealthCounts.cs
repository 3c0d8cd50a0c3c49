namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>How many instances are in each enhanced health status (DescribeEnvironmentHealth InstancesHealth).</summary>
public sealed record EbInstanceHealthCounts(int Ok, int Info, int Warning, int Degraded, int Severe, int Pending, int NoData, int Unknown)
{
    public static EbInstanceHealthCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Total => Ok + Info + Warning + Degraded + Severe + Pending + NoData + Unknown;

    internal static EbInstanceHealthCounts From(Aws.ElasticBeanstalk.InstancesHealth? h) => h is null ? None : new(
        h.Ok ?? 0, h.Info ?? 0, h.Warning ?? 0, h.Degraded ?? 0, h.Severe ?? 0, h.Pending ?? 0, h.NoData ?? 0, h.Unknown ?? 0);
}
