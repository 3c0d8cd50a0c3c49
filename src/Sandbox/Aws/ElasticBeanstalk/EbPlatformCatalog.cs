namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>A small, realistic catalogue of AWS-owned platform versions (ARNs have no account: AWS owns them).</summary>
internal static class EbPlatformCatalog
{
    public static IReadOnlyList<EbPlatform> For(string region) =>
    [
        Make(region, "Corretto 17", "4.3.0", "Java", "Java", "17", "Supported"),
        Make(region, "Corretto 17", "4.2.1", "Java", "Java", "17", "Supported"),
        Make(region, "Corretto 21", "4.3.0", "Java", "Java", "21", "Supported"),
        Make(region, "Node.js 20", "6.2.0", "Node.js", "Node.js", "20", "Supported"),
        Make(region, "Python 3.11", "4.2.0", "Python", "Python", "3.11", "Supported"),
        Make(region, "Docker", "4.4.0", "Docker", "Docker", "25", "Supported"),
    ];

    private static EbPlatform Make(string region, string runtime, string version, string category, string language, string languageVersion, string lifecycle)
    {
        var branch = $"{runtime} running on 64bit Amazon Linux 2023";
        return new EbPlatform(
            $"arn:aws:elasticbeanstalk:{region}::platform/{branch}/{version}",
            $"64bit Amazon Linux 2023 v{version} running {runtime}",
            branch,
            version,
            category,
            language,
            languageVersion,
            lifecycle);
    }
}
