namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// Account quotas the simulator enforces, with AWS's defaults (Elastic Beanstalk's DescribeAccountAttributes
/// ResourceQuotas: 75 applications, 200 environments, 1,000 application versions per Region). Like AWS's, they can be
/// raised: a benchmark of 1,000 applications raises them as a quota increase would.
/// </summary>
public sealed class SimQuotas
{
    public int EbApplications { get; set; } = 75;

    public int EbEnvironments { get; set; } = 200;

    public int EbApplicationVersions { get; set; } = 1000;
}
