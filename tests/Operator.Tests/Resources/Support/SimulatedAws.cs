using Amazon.Runtime;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Aws.S3;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Resources.Support;

/// <summary>
/// The AWS simulator in process on a <see cref="FakeTimeProvider"/>, and the real ebops clients pointed at it over
/// loopback. Clients make one attempt per call (no SDK retries), so a fault injected into a call reaches the caller
/// and the test decides what happens next; <see cref="Calls"/> is the simulator's call log.
/// </summary>
internal sealed class SimulatedAws : IAsyncDisposable
{
    private SimulatedAws(AwsSimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions
            {
                Region = simulator.Region, EndpointUrl = simulator.Endpoint.ToString(), RetryMode = AwsRetryMode.Standard, MaxAttempts = 1,
            }),
            time, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials(simulator.AccessKeyId, simulator.SecretAccessKey));
        ElasticBeanstalk = new ElasticBeanstalkApi(factory.CreateQueryClient(AwsService.ElasticBeanstalk, ElasticBeanstalkErrors.Instance));
        Elbv2 = new Elbv2Api(factory.CreateQueryClient(AwsService.Elbv2, Elbv2Errors.Instance));
        Rds = new RdsApi(factory.CreateQueryClient(AwsService.Rds, RdsErrors.Instance));
        Ec2 = new Ec2Api(factory.CreateEc2Client());
        S3 = new S3Api(factory.CreateS3Client());
    }

    public AwsSimulator Simulator { get; }

    public SimWorld World => Simulator.World;

    /// <summary>Every call the simulator answered.</summary>
    public CallLog Calls => Simulator.World.Calls;

    public FakeTimeProvider Time { get; }

    public IElasticBeanstalkApi ElasticBeanstalk { get; }

    public IElbv2Api Elbv2 { get; }

    public IRdsApi Rds { get; }

    public IEc2Api Ec2 { get; }

    public IS3Api S3 { get; }

    /// <summary>Starts a simulator whose lifecycles complete on the next describe (<see cref="SimTiming.Instant"/>) unless told otherwise.</summary>
    public static async Task<SimulatedAws> StartAsync(SimTiming? timing = null, CancellationToken cancellationToken = default)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var simulator = await AwsSimulator.StartAsync(new AwsSimulatorOptions
        {
            TimeProvider = time,
            Timing = timing ?? SimTiming.Instant,

            // The SDK signs with the real clock, far from the fake one.
            MaxClockSkew = null,
        }, cancellationToken);
        return new SimulatedAws(simulator, time);
    }

    /// <summary>The mutating calls made to <paramref name="service"/> (everything but Describe*/List*/Get*/Validate*/Check*).</summary>
    public IReadOnlyList<string> Writes(string service) =>
        [.. Calls.Actions(service).Where(a => !IsRead(a))];

    public static bool IsRead(string action) =>
        action.StartsWith("Describe", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal)
        || action.StartsWith("Get", StringComparison.Ordinal) || action.StartsWith("Validate", StringComparison.Ordinal)
        || action.StartsWith("Check", StringComparison.Ordinal) || action.StartsWith("Head", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
