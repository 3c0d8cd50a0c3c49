using System.Net.Http.Json;
using Amazon.Runtime;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// The AWS side of an end-to-end run: an in-process <see cref="AwsSimulator"/> (timing and clock from the test), or the
/// endpoint in <c>EBOPS_TEST_AWS_ENDPOINT</c> with the usual credential and region variables. The test reads AWS through
/// the operator's own clients; the call log comes from the simulator (in process, or <c>GET /_sim/calls</c> when the
/// external endpoint is an <c>ebops sandbox</c>), and is null against real AWS.
/// </summary>
internal sealed class AwsUnderTest : IAsyncDisposable
{
    public const string EndpointVariable = "EBOPS_TEST_AWS_ENDPOINT";

    private readonly Uri? externalEndpoint;

    private AwsUnderTest(AwsClientFactory factory, AwsSimulator? simulator, Uri? externalEndpoint, IReadOnlyDictionary<string, string> environment)
    {
        Simulator = simulator;
        this.externalEndpoint = externalEndpoint;
        Environment = environment;
        Rds = new RdsApi(factory.CreateQueryClient(AwsService.Rds, RdsErrors.Instance));
        Ec2 = new Ec2Api(factory.CreateEc2Client());
        ElasticBeanstalk = new ElasticBeanstalkApi(factory.CreateQueryClient(AwsService.ElasticBeanstalk, ElasticBeanstalkErrors.Instance));
        Elbv2 = new Elbv2Api(factory.CreateQueryClient(AwsService.Elbv2, Elbv2Errors.Instance));
    }

    /// <summary>The in-process simulator, or null for an external endpoint.</summary>
    public AwsSimulator? Simulator { get; }

    public bool IsSimulator => Simulator is not null;

    /// <summary>Variables that point the operator process at this AWS (endpoint, region, credentials).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public IRdsApi Rds { get; }

    public IEc2Api Ec2 { get; }

    public IElasticBeanstalkApi ElasticBeanstalk { get; }

    public IElbv2Api Elbv2 { get; }

    public static async Task<AwsUnderTest> StartAsync(AwsSimulatorOptions simulatorOptions, CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint)
        {
            var external = new AwsClientFactory(Options.Create(new AwsOptions { EndpointUrl = endpoint, RetryMode = AwsRetryMode.Adaptive }),
                TimeProvider.System, NullLoggerFactory.Instance);
            return new AwsUnderTest(external, null, new Uri(endpoint), new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint });
        }

        var sim = await AwsSimulator.StartAsync(simulatorOptions, cancellationToken);
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions { Region = sim.Region, EndpointUrl = sim.Endpoint.ToString(), RetryMode = AwsRetryMode.Adaptive }),
            TimeProvider.System, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials(sim.AccessKeyId, sim.SecretAccessKey));
        var environment = sim.EnvironmentLines().Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new AwsUnderTest(factory, sim, null, environment);
    }

    /// <summary>Every call the simulator answered so far, oldest first; null when the endpoint keeps no call log (real AWS).</summary>
    public async Task<IReadOnlyList<SimCall>?> CallsAsync(CancellationToken cancellationToken)
    {
        if (Simulator is not null)
        {
            return Simulator.World.Calls.All;
        }

        using var http = new HttpClient { BaseAddress = externalEndpoint };
        try
        {
            using var response = await http.GetAsync("/_sim/calls", cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<List<SimCall>>(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The call log, or a skip (with the reason) when the endpoint keeps none.</summary>
    public async Task<IReadOnlyList<SimCall>> RequireCallsAsync(CancellationToken cancellationToken)
    {
        var calls = await CallsAsync(cancellationToken);
        if (calls is null)
        {
            Assert.Skip($"{EndpointVariable} points at an endpoint without a call log (/_sim/calls): this check needs the simulator's.");
        }

        return calls;
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
