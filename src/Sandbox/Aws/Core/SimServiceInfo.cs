namespace Ebops.Sandbox.Aws.Core;

/// <summary>What the front end needs to know about a service it routes to: protocol, API version and XML namespace.</summary>
/// <param name="SigningName">SigV4 signing name (credential scope service).</param>
/// <param name="Protocol">Wire protocol.</param>
/// <param name="ApiVersion">The only <c>Version</c> a Query request may carry (empty for S3).</param>
/// <param name="XmlNamespace">Namespace of responses and Query error documents (from the official model's metadata).</param>
public sealed record SimServiceInfo(string SigningName, SimProtocol Protocol, string ApiVersion, string XmlNamespace)
{
    public static SimServiceInfo Rds { get; } = new("rds", SimProtocol.Query, "2014-10-31", "http://rds.amazonaws.com/doc/2014-10-31/");
    public static SimServiceInfo Ec2 { get; } = new("ec2", SimProtocol.Ec2, "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");
    public static SimServiceInfo S3 { get; } = new("s3", SimProtocol.RestXml, "", "http://s3.amazonaws.com/doc/2006-03-01/");

    public static SimServiceInfo ElasticBeanstalk { get; } =
        new("elasticbeanstalk", SimProtocol.Query, "2010-12-01", "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/");

    public static SimServiceInfo ElasticLoadBalancingV2 { get; } =
        new("elasticloadbalancing", SimProtocol.Query, "2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

    public static SimServiceInfo Sts { get; } = new("sts", SimProtocol.Query, "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    /// <summary>The services the simulator knows how to speak, by signing name.</summary>
    public static IReadOnlyDictionary<string, SimServiceInfo> Known { get; } =
        new[] { Rds, Ec2, S3, ElasticBeanstalk, ElasticLoadBalancingV2, Sts }.ToDictionary(s => s.SigningName, StringComparer.Ordinal);

    /// <summary>The info for a signing name; an unknown service is treated as a Query service without a namespace.</summary>
    public static SimServiceInfo For(string signingName) =>
        Known.TryGetValue(signingName, out var info) ? info : new SimServiceInfo(signingName, SimProtocol.Query, "", "");
}
