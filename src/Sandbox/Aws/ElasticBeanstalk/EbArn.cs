using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>ARNs and CNAMEs of the simulated account's EB resources.</summary>
internal static class EbArn
{
    public static string Of(SimWorld world, string resource) => $"arn:aws:elasticbeanstalk:{world.Region}:{world.AccountId}:{resource}";

    public static string Cname(SimWorld world, string prefix) => $"{prefix}.{world.Region}.elasticbeanstalk.com".ToLowerInvariant();
}
