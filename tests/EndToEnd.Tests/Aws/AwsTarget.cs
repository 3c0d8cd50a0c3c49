using Amazon.Runtime;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Ebops.Sandbox.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ebops.EndToEnd.Tests.Aws;

/// <summary>
/// Where the AWS integration suite runs: the endpoint in <c>EBOPS_TEST_AWS_ENDPOINT</c> (credentials and region from
/// the usual variables / credential chain) when it is set, otherwise an in-process <see cref="AwsSimulator"/>.
/// </summary>
internal sealed class AwsTarget : IAsyncDisposable
{
    private readonly AwsSimulator? simulator;

    private AwsTarget(AwsClientFactory factory, AwsSimulator? simulator, string description)
    {
        this.simulator = simulator;
        Factory = factory;
        Description = description;
        ElasticBeanstalk = factory.CreateElasticBeanstalkApi();
        Elbv2 = factory.CreateElbv2Api();
        Rds = factory.CreateRdsApi();
        Ec2 = factory.CreateEc2Api();
        RawS3 = factory.CreateS3Client();
        S3 = new S3Api(RawS3);
    }

    /// <summary>The underlying S3 client, for test set-up (uploading a source bundle to the simulator).</summary>
    public Amazon.S3.IAmazonS3 RawS3 { get; }

    public string Description { get; }

    public AwsClientFactory Factory { get; }

    /// <summary>The in-process simulator, or null when the target is an external endpoint.</summary>
    public AwsSimulator? Simulator => simulator;

    public bool External => simulator is null;

    public IElasticBeanstalkApi ElasticBeanstalk { get; }

    public IElbv2Api Elbv2 { get; }

    public IRdsApi Rds { get; }

    public IEc2Api Ec2 { get; }

    public IS3Api S3 { get; }

    /// <summary>Whether the target serves a service (an external endpoint is assumed to serve all).</summary>
    public bool Serves(string signingName) => simulator is null || simulator.World.Services.Any(s => s.SigningName == signingName);

    public static async Task<AwsTarget> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("EBOPS_TEST_AWS_ENDPOINT") is { Length: > 0 } endpoint)
        {
            var options = new AwsOptions { EndpointUrl = endpoint, RetryMode = AwsRetryMode.Adaptive };
            var external = new AwsClientFactory(Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);
            return new AwsTarget(external, null, $"endpoint {endpoint} ({external.Region})");
        }

        var sim = await AwsSimulator.StartAsync(new AwsSimulatorOptions { Timing = Ebops.Sandbox.Aws.Core.SimTiming.Instant }, cancellationToken);
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions { Region = sim.Region, EndpointUrl = sim.Endpoint.ToString(), RetryMode = AwsRetryMode.Adaptive }),
            TimeProvider.System, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials(sim.AccessKeyId, sim.SecretAccessKey));
        return new AwsTarget(factory, sim, $"in-process simulator {sim.Endpoint}");
    }

    public async ValueTask DisposeAsync()
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }
}
