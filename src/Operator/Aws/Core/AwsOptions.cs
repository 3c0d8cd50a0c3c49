namespace Ebops.Operator.Aws.Core;

/// <summary>AWS access settings, bound from the <c>Aws</c> configuration section and validated at start-up.</summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>Region; when null, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the shared profile.</summary>
    public string? Region { get; set; }

    /// <summary>Shared-config profile; when null the standard credential chain is used (environment, <c>AWS_PROFILE</c>,
    /// IRSA web identity, EKS Pod Identity, instance metadata).</summary>
    public string? Profile { get; set; }

    /// <summary>Endpoint for every service (like <c>AWS_ENDPOINT_URL</c>, but wins over it).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Endpoint per service key (<c>elasticbeanstalk</c>, <c>elbv2</c>, <c>rds</c>, <c>ec2</c>, <c>s3</c>); wins
    /// over everything else.</summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Total attempts per call including the first (the SDKs' <c>max_attempts</c>); default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Default <see cref="AwsRetryMode.Adaptive"/>: many objects reconciled at once must not trip throttling.</summary>
    public AwsRetryMode RetryMode { get; set; } = AwsRetryMode.Adaptive;

    /// <summary>Per-attempt HTTP timeout; default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>S3 path-style addressing; null means "when an endpoint override is configured" (emulators need it).</summary>
    public bool? S3ForcePathStyle { get; set; }
}
