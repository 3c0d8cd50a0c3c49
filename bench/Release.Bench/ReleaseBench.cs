using System.Globalization;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.ElasticBeanstalk;
using Ebops.Sandbox.Load;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ebops.Bench.Release;

/// <summary>
/// What a strategy runs against: a fresh AWS simulator on the real clock at the scenario's time scale, the operator's
/// Elastic Beanstalk client pointed at it, the load's timeline, a DNS resolver for environment CNAMEs, and helpers
/// that wait in simulated time.
/// </summary>
internal sealed class ReleaseBench : IAsyncDisposable
{
    private const string Bucket = "ebops-bench-bundles";
    private readonly ServiceProvider services;
    private readonly List<IAsyncDisposable> owned = [];

    private ReleaseBench(ReleaseOptions options, AwsSimulator simulator, ServiceProvider services)
    {
        Options = options;
        Simulator = simulator;
        this.services = services;
        Eb = services.GetRequiredService<IElasticBeanstalkApi>();
        Resolver = SimulatedDnsResolver.ForEnvironmentCnames(simulator.World, options.DnsTtl);
    }

    public ReleaseOptions Options { get; }

    public AwsSimulator Simulator { get; }

    public SimWorld World => Simulator.World;

    /// <summary>The operator's EB client (SigV4 over HTTP to the simulator, the operator's retries).</summary>
    public IElasticBeanstalkApi Eb { get; }

    /// <summary>Every request of the load, and the release marks.</summary>
    public LoadTimeline Timeline { get; } = new();

    /// <summary>Environment CNAMEs, with the scenario's TTL (scaled).</summary>
    public SimulatedDnsResolver Resolver { get; }

    public static async Task<ReleaseBench> StartAsync(ReleaseOptions options, CancellationToken cancellationToken)
    {
        var simulator = await AwsSimulator.StartAsync(new AwsSimulatorOptions { Timing = new SimTiming(options.TimeScale) }, cancellationToken);
        simulator.World.S3.CreateBucket(Bucket);

        // The operator resolves credentials through the SDK's chain; the sandbox's are what its clients use.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", simulator.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", simulator.SecretAccessKey);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = simulator.Region,
            ["Aws:EndpointUrl"] = simulator.Endpoint.ToString(),
        }).Build();
        var services = new ServiceCollection().AddEbopsAws(configuration).BuildServiceProvider();
        return new ReleaseBench(options, simulator, services);
    }

    /// <summary>Disposes <paramref name="resource"/> (a strategy's operator, its Kubernetes API) before the simulator.</summary>
    public void Own(IAsyncDisposable resource) => owned.Add(resource);

    /// <summary>A simulated duration in real time.</summary>
    public TimeSpan Real(TimeSpan simulated) => World.Timing.Of(simulated);

    /// <summary>A real duration in simulated time.</summary>
    public TimeSpan Simulated(TimeSpan real) => real / Options.TimeScale;

    /// <summary>Waits a simulated duration.</summary>
    public Task DelayAsync(TimeSpan simulated, CancellationToken cancellationToken) =>
        Task.Delay(Real(simulated), cancellationToken);

    /// <summary>The loopback endpoint behind an environment CNAME (its ALB's listener), for clients that do not use DNS.</summary>
    public LoadTarget AlbOf(string cname) =>
        LoadTarget.Endpoint(ElasticBeanstalkState.For(World).ResolveCname(cname) ?? throw new InvalidOperationException($"{cname} does not resolve"));

    /// <summary>Uploads a bundle for <paramref name="label"/> and creates the application version.</summary>
    public async Task CreateVersionAsync(string application, string label, CancellationToken cancellationToken)
    {
        var key = $"{application}/{label}.zip";
        World.S3.PutObject(Bucket, key, [0x50, 0x4b, 0x05, 0x06, .. new byte[18]]);
        await Eb.CreateApplicationVersionAsync(
            new() { ApplicationName = application, VersionLabel = label, SourceBundle = new() { S3Bucket = Bucket, S3Key = key } },
            cancellationToken);
    }

    /// <summary>
    /// Creates an environment running <paramref name="label"/> on <see cref="ReleaseOptions.Instances"/> instances with
    /// <paramref name="options"/> and waits until it is Ready and Ok.
    /// </summary>
    public async Task<EnvironmentDescription> LaunchAsync(string application, string name, string cnamePrefix, string label, IEnumerable<OptionSetting> options, CancellationToken cancellationToken)
    {
        var instances = Options.Instances.ToString(CultureInfo.InvariantCulture);
        await Eb.CreateEnvironmentAsync(
            new()
            {
                ApplicationName = application,
                EnvironmentName = name,
                CNAMEPrefix = cnamePrefix,
                SolutionStackName = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17",
                VersionLabel = label,
                OptionSettings =
                [
                    new() { Namespace = "aws:autoscaling:asg", OptionName = "MinSize", Value = instances },
                    new() { Namespace = "aws:autoscaling:asg", OptionName = "MaxSize", Value = instances },
                    .. options,
                ],
            },
            cancellationToken);
        return await WaitForAsync(name, e => e is { Status: "Ready", HealthStatus: "Ok" }, cancellationToken);
    }

    /// <summary>Polls the environment every 5 simulated seconds until <paramref name="done"/> holds.</summary>
    public async Task<EnvironmentDescription> WaitForAsync(string name, Func<EnvironmentDescription, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var described = await Eb.DescribeEnvironmentsAsync(new() { EnvironmentNames = [name], IncludeDeleted = false }, cancellationToken);
            if (described.Environments?.FirstOrDefault() is { } environment && done(environment))
            {
                return environment;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(20, Real(TimeSpan.FromSeconds(5)).TotalMilliseconds)), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in Enumerable.Reverse(owned))
        {
            await resource.DisposeAsync();
        }

        await services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
