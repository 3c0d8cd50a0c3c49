using static Ebops.Sandbox.Aws.ElasticBeanstalk.EbOptionDefinition;

namespace Ebops.Sandbox.Aws.ElasticBeanstalk;

/// <summary>
/// Platform-specific options ("Platform specific options" in the EB developer guide) of the simulated Amazon Linux 2023
/// platforms: the reverse proxy every one of them runs, and the Python platform's WSGI settings. Static-file mappings
/// (<c>aws:elasticbeanstalk:environment:proxy:staticfiles</c>) are user-named and checked by the validator.
/// </summary>
internal static class EbPlatformOptions
{
    private const string Proxy = "aws:elasticbeanstalk:environment:proxy";
    private const string Python = "aws:elasticbeanstalk:container:python";

    public static IEnumerable<EbOptionDefinition> For(EbPlatform platform) => platform.Category switch
    {
        "Python" =>
        [
            OneOf(Proxy, "ProxyServer", "nginx", RestartApplicationServer, "nginx", "apache"),
            Text(Python, "WSGIPath", "application", RestartApplicationServer),
            Int(Python, "NumProcesses", 1, 10000, 1, RestartApplicationServer),
            Int(Python, "NumThreads", 1, 10000, 15, RestartApplicationServer),
        ],
        _ => [OneOf(Proxy, "ProxyServer", "nginx", RestartApplicationServer, "nginx", "none")],
    };
}
