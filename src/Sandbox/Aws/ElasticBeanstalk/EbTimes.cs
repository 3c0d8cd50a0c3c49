namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>Small time helpers shared by the EB stores.</summary>
internal static class EbTimes
{
    public static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
