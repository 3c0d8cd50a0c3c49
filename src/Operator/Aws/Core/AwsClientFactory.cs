using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.S3;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Builds the SDK clients from <see cref="AwsOptions"/>: region, credentials, endpoint (see <see cref="AwsEndpoints"/>),
/// standard retries with <see cref="AwsOptions.MaxAttempts"/>, and one adaptive rate limiter per operation.
/// </summary>
internal sealed class AwsClientFactory(IOptions<AwsOptions> options, TimeProvider time, ILoggerFactory loggers,
    Func<string, string?>? environment = null, AWSCredentials? credentialsOverride = null, AwsMetrics? metrics = null, AwsRetryJitter? jitter = null)
{
    private readonly AwsRetryJitter jitter = jitter ?? AwsRetryJitter.Shared;

    private readonly AwsMetrics metrics = metrics ?? AwsMetrics.Default;

    private readonly Func<string, string?> env = environment ?? Environment.GetEnvironmentVariable;
    private readonly Lock gate = new();
    private readonly Dictionary<string, AdaptiveRateLimiter> limiters = [];
    private AWSCredentials? credentials = credentialsOverride;

    public AwsOptions Options => options.Value;

    public string Region => AwsRegion.Resolve(options.Value, env)
        ?? throw new InvalidOperationException("No AWS region: set Aws:Region, AWS_REGION or a profile region.");

    /// <summary>
    /// The rate limiter of one operation, shared by every client of its service (null in standard mode). Per operation
    /// because AWS throttles per action (EC2, ELBv2 and others publish a bucket per action or category): a throttled
    /// CreateLoadBalancer (0.2 per second) must not slow DescribeTargetHealth down to its rate. A throttle from an
    /// account-wide bucket lowers the rate of each operation that meets it.
    /// </summary>
    public AdaptiveRateLimiter? Limiter(AwsService service, string operation)
    {
        if (options.Value.RetryMode != AwsRetryMode.Adaptive)
        {
            return null;
        }

        var key = service.Key + "/" + operation;
        lock (gate)
        {
            if (!limiters.TryGetValue(key, out var limiter))
            {
                limiter = new AdaptiveRateLimiter(time);
                limiters[key] = limiter;
            }

            return limiter;
        }
    }

    public AWSCredentials Credentials
    {
        get
        {
            lock (gate)
            {
                return credentials ??= ResolveCredentials();
            }
        }
    }

    public QueryServiceClient CreateQueryClient(AwsService service, IAwsErrorClassifier classifier)
    {
        var region = Region;
        var config = new QueryClientConfig(service);
        Apply(config, service, region, forceServiceUrl: true);
        return new QueryServiceClient(Credentials, config, Hooks(service, classifier));
    }

    public AmazonEC2Client CreateEc2Client()
    {
        var config = new AmazonEC2Config();
        Apply(config, AwsService.Ec2, Region, forceServiceUrl: false);
        return new InstrumentedEc2Client(Credentials, config, Hooks(AwsService.Ec2, Ec2.Ec2Errors.Instance));
    }

    public AmazonS3Client CreateS3Client()
    {
        var config = new AmazonS3Config();
        var overridden = Apply(config, AwsService.S3, Region, forceServiceUrl: false);
        config.ForcePathStyle = options.Value.S3ForcePathStyle ?? overridden;
        return new InstrumentedS3Client(Credentials, config, Hooks(AwsService.S3, S3.S3Errors.Instance));
    }

    private AwsPipeline Hooks(AwsService service, IAwsErrorClassifier classifier) =>
        new(service, classifier, operation => Limiter(service, operation), time, loggers.CreateLogger("Ebops.Operator.Aws." + service.Key), metrics, jitter);

    /// <returns>True when the endpoint was overridden.</returns>
    private bool Apply(ClientConfig config, AwsService service, string region, bool forceServiceUrl)
    {
        var (url, overridden) = AwsEndpoints.Resolve(service, region, options.Value, env);
        if (overridden || forceServiceUrl)
        {
            // ServiceURL replaces the region for endpoint purposes, so the signing region must be given explicitly.
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // Our own adaptive limiter runs per attempt; the SDK's standard mode supplies backoff with full jitter.
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = options.Value.MaxAttempts - 1;
        config.Timeout = options.Value.Timeout;
        return overridden;
    }

    private AWSCredentials ResolveCredentials()
    {
        if (options.Value.Profile is { Length: > 0 } profile)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new InvalidOperationException($"AWS profile '{profile}' was not found or has no credentials.");
        }

        return new DefaultChainCredentials();
    }
}
