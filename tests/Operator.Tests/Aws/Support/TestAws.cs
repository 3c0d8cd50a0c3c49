using Ebops.Operator.Aws;
using Amazon.Runtime;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Tests.Aws.Support;

/// <summary>Real facades over the real SDK pipeline, pointed at a loopback server with fixed credentials.</summary>
internal sealed class TestAws(string endpoint, AWSCredentials? credentials = null, AwsRetryMode retryMode = AwsRetryMode.Standard,
    int maxAttempts = 4, TimeProvider? time = null, ILoggerProvider? logs = null, AwsRetryJitter? jitter = null)
{
    /// <summary>This instance's own call metrics (tests run in parallel; the process-wide ones count everyone's calls).</summary>
    public AwsMetrics Metrics { get; } = AwsMetrics.Isolated();

    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLETOKEN//session+token=";
    public const string Region = "ap-northeast-2";

    public AWSCredentials Credentials { get; } = credentials ?? new BasicAWSCredentials(AccessKey, SecretKey);

    private AwsClientFactory? factory;

    public AwsClientFactory Factory => factory ??= new(
        Options.Create(new AwsOptions { Region = Region, EndpointUrl = endpoint, RetryMode = retryMode, MaxAttempts = maxAttempts }),
        time ?? TimeProvider.System,
        LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        }),
        _ => null,
        credentials ?? new BasicAWSCredentials(AccessKey, SecretKey),
        Metrics,
        jitter);

    public IElasticBeanstalkApi ElasticBeanstalk => Factory.CreateElasticBeanstalkApi();

    public IElbv2Api Elbv2 => Factory.CreateElbv2Api();

    public IRdsApi Rds => Factory.CreateRdsApi();

    public IEc2Api Ec2 => Factory.CreateEc2Api();

    public IS3Api S3 => Factory.CreateS3Api();

    /// <summary>The facade for a service name as the tests' tables use it.</summary>
    public object Facade(string service) => service switch
    {
        "elasticbeanstalk" => ElasticBeanstalk,
        "elbv2" => Elbv2,
        "rds" => Rds,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };
}
