using Amazon.Runtime;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.Ec2;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Aws.Elbv2;
using Ebops.Operator.Aws.Rds;
using Ebops.Operator.Resources;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Resources.Support;

/// <summary>
/// The AWS simulator in process on a <see cref="FakeTimeProvider"/> (realistic durations: advance <see cref="Time"/>
/// to move lifecycles on), with the operator's real clients over loopback. The clients make ONE attempt per call, so a
/// fault injected by a test surfaces as the <see cref="AwsApiException"/> the caller must survive (the runtime retries),
/// and nothing waits on a clock. <see cref="Mutations"/> lists the calls that change AWS, for "nothing written" and
/// "created once" assertions.
/// </summary>
internal sealed class SimulatedAws : IAsyncDisposable
{
    public const string Cluster = "test-cluster";

    /// <summary>A Monday, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private SimulatedAws(AwsSimulator simulator, FakeTimeProvider time, AwsClientFactory factory)
    {
        Simulator = simulator;
        Time = time;
        Factory = factory;
        Rds = factory.CreateRdsApi();
        Ec2 = factory.CreateEc2Api();
        ElasticBeanstalk = factory.CreateElasticBeanstalkApi();
        Elbv2 = factory.CreateElbv2Api();
    }

    public AwsSimulator Simulator { get; }

    public SimWorld World => Simulator.World;

    public FakeTimeProvider Time { get; }

    public AwsClientFactory Factory { get; }

    public IRdsApi Rds { get; }

    public IEc2Api Ec2 { get; }

    public IElasticBeanstalkApi ElasticBeanstalk { get; }

    public IElbv2Api Elbv2 { get; }

    /// <summary>Cluster <see cref="Cluster"/>, snapshots valid for 5 minutes.</summary>
    public ManagerSettings Settings { get; } = new(Cluster, TimeSpan.FromMinutes(5));

    public static async Task<SimulatedAws> StartAsync(SimTiming? timing = null, Action<AwsSimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new AwsSimulatorOptions
        {
            TimeProvider = time,
            Timing = timing ?? new SimTiming(1),
            // The clients sign with the real clock; the simulator's clock is fake.
            MaxClockSkew = null,
        };
        configure?.Invoke(options);
        var simulator = await AwsSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        var factory = new AwsClientFactory(
            Options.Create(new AwsOptions
            {
                Region = simulator.Region, EndpointUrl = simulator.Endpoint.ToString(), MaxAttempts = 1, RetryMode = AwsRetryMode.Standard,
            }),
            TimeProvider.System, NullLoggerFactory.Instance, _ => null, new BasicAWSCredentials(simulator.AccessKeyId, simulator.SecretAccessKey));
        return new SimulatedAws(simulator, time, factory);
    }

    /// <summary>
    /// A manager (or other service of the operator) built the way the operator's container builds it: its constructor
    /// gets these clients, <see cref="Settings"/>, the fake clock and no loggers; <paramref name="parameters"/> supply
    /// anything else it takes (e.g. the RDS catalogue).
    /// </summary>
    public T Create<T>(params object[] parameters)
        where T : notnull => Create<T>(NullLoggerFactory.Instance, parameters);

    /// <summary>As <see cref="Create{T}(object[])"/>, logging to <paramref name="loggers"/>.</summary>
    public T Create<T>(ILoggerFactory loggers, params object[] parameters)
        where T : notnull
    {
        using var services = new ServiceCollection()
            .AddSingleton(Rds).AddSingleton(Ec2).AddSingleton(ElasticBeanstalk).AddSingleton(Elbv2)
            .AddSingleton(Settings).AddSingleton<TimeProvider>(Time)
            .AddSingleton(loggers).AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<T>(services, parameters);
    }

    /// <summary>An owner in namespace <c>default</c> of kind <paramref name="kind"/>.</summary>
    public static ResourceOwner Owner(string name, string kind = "RdsDatabase", string uid = "uid-1") => new(Cluster, kind, "default", name, uid);

    /// <summary>Calls of <paramref name="service"/> (every service when null) that change AWS (not Describe*/List*/Get*),
    /// successful or not, in order.</summary>
    public IReadOnlyList<string> Mutations(string? service = null) =>
        [.. World.Calls.Find(service).Where(c => !IsRead(c.Action)).Select(c => c.Action)];

    /// <summary>Successful calls of <paramref name="action"/>.</summary>
    public int Succeeded(string service, string action) => World.Calls.Find(service, action).Count(c => c.Succeeded);

    public static bool IsRead(string action) =>
        action.StartsWith("Describe", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal)
        || action.StartsWith("Get", StringComparison.Ordinal) || action.StartsWith("Validate", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
