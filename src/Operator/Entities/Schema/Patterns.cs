namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// Regular expressions shared by the schemas. They must be valid RE2 (the apiserver's engine: no look-around) and
/// .NET regexes; lengths are separate <c>maxLength</c>s so that errors say "too long" rather than "does not match".
/// </summary>
public static class Patterns
{
    /// <summary>Kubernetes object name (DNS-1123 subdomain).</summary>
    public const string KubeName = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>Kubernetes DNS-1123 label (list keys, check names).</summary>
    public const string DnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>
    /// RDS DB instance identifier: starts with a letter; letters, digits and hyphens; no two hyphens in a row and
    /// no trailing hyphen. Lower case only, because RDS stores identifiers in lower case and an upper-case spec
    /// would read back as drift.
    /// </summary>
    public const string RdsIdentifier = "^[a-z]([a-z0-9]|-[a-z0-9])*$";

    /// <summary>
    /// An Elastic Beanstalk application name that also yields valid environment names <c>&lt;name&gt;-blue</c> and
    /// <c>&lt;name&gt;-green</c>: letters, digits and hyphens, not starting or ending with a hyphen.
    /// </summary>
    public const string EbName = "^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$";

    /// <summary>IPv4 CIDR block.</summary>
    public const string Ipv4Cidr = "^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])/([0-9]|[12][0-9]|3[0-2])$";

    /// <summary>S3 bucket name (general purpose buckets, 3–63 characters).</summary>
    public const string S3Bucket = "^[a-z0-9][a-z0-9.-]*[a-z0-9]$";

    public const string SubnetId = "^subnet-[0-9a-f]{8,17}$";

    public const string AllocationId = "^eipalloc-[0-9a-f]{8,17}$";

    public const string SecurityGroupId = "^sg-[0-9a-f]{8,17}$";

    /// <summary>An RDS DB instance class such as db.t3.micro.</summary>
    public const string RdsInstanceClass = "^db\\.[a-z0-9]+\\.[a-z0-9]+$";

    /// <summary>An engine version such as 8.0 or 8.0.39.</summary>
    public const string EngineVersion = "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$";

    /// <summary>An HTTP status matcher: 200, 200,302 or 200-399.</summary>
    public const string HttpCodes = "^[0-9]{3}((,[0-9]{3})*|-[0-9]{3})$";

    /// <summary>An absolute URL path.</summary>
    public const string UrlPath = "^/[^\\s]*$";
}
