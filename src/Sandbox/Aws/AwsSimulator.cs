using System.Net;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.Front;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Aws;

/// <summary>
/// The AWS simulator: one HTTP server on 127.0.0.1 that speaks the Query (EB, ELBv2, RDS), EC2 and S3 REST protocols,
/// verifies SigV4 against <see cref="AwsSimulatorOptions.Credentials"/>, routes by the credential scope's service, and
/// serves the admin API under <c>/_sim/</c>. Point any SDK at <see cref="Endpoint"/> with <see cref="Region"/>,
/// <see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/> (S3: path-style addressing). Used as an HTTP proxy
/// (<c>curl -x</c>, a WebProxy), it reaches simulated EB CNAMEs and load balancer DNS names (<see cref="Front.ProbeProxy"/>).
/// <code>
/// await using var sim = await AwsSimulator.StartAsync(new AwsSimulatorOptions { Timing = SimTiming.Instant }, ct);
/// var ec2 = new AmazonEC2Client(new BasicAWSCredentials(sim.AccessKeyId, sim.SecretAccessKey),
///     new AmazonEC2Config { ServiceURL = sim.Endpoint.ToString(), AuthenticationRegion = sim.Region });
/// sim.World.Faults.Add(FaultRule.Throttle("rds", fraction: 0.5));
/// Assert.Equal(["CreateDBInstance"], sim.World.Calls.Actions("rds"));
/// </code>
/// </summary>
public sealed class AwsSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ProbeProxy probes;

    private AwsSimulator(WebApplication app, ProbeProxy probes, SimWorld world, Uri endpoint, SimCredential credential)
    {
        this.app = app;
        this.probes = probes;
        World = world;
        Endpoint = endpoint;
        AccessKeyId = credential.AccessKeyId;
        SecretAccessKey = credential.SecretAccessKey;
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public string Region => World.Region;

    /// <summary>The first configured key pair.</summary>
    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    /// <summary>In-process access to the simulated account: state, fault injection, call log.</summary>
    public SimWorld World { get; }

    /// <summary>Creates the world, its handlers, and starts listening.</summary>
    public static async Task<AwsSimulator> StartAsync(AwsSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Credentials.Count == 0)
        {
            throw new ArgumentException("At least one credential is required.", nameof(options));
        }

        var world = new SimWorld(options);
        foreach (var factory in options.Services)
        {
            world.Register(factory(world));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 512L * 1024 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(options.LoggerFactory);
        var app = builder.Build();
        var logger = options.LoggerFactory.CreateLogger("Ebops.Sandbox.Aws");
        var verifier = new SigV4Verifier([.. options.Credentials], options.TimeProvider, options.MaxClockSkew);
        var probes = new ProbeProxy(world, (host, port) => SimulatedNames.Resolve(world, host, port), logger);
        var frontEnd = new SimFrontEnd(world, verifier, new AdminApi(world, options.EnableAdminApi), probes, logger);
        app.Run(frontEnd.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            probes.Dispose();
            await DisposeHandlersAsync(world);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        world.Endpoint = endpoint;
        Log.Listening(logger, endpoint, world.Region, world.Timing.Scale);
        return new AwsSimulator(app, probes, world, endpoint, options.Credentials[0]);
    }

    /// <summary>The environment lines that point the AWS CLI or any SDK at the simulator (AWS_DEFAULT_REGION is for
    /// AWS CLI v1 / older botocore, which do not read AWS_REGION).</summary>
    public IReadOnlyList<string> EnvironmentLines() =>
    [
        $"AWS_ENDPOINT_URL={Endpoint.ToString().TrimEnd('/')}",
        $"AWS_REGION={Region}",
        $"AWS_DEFAULT_REGION={Region}",
        $"AWS_ACCESS_KEY_ID={AccessKeyId}",
        $"AWS_SECRET_ACCESS_KEY={SecretAccessKey}",
    ];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        probes.Dispose();
        await DisposeHandlersAsync(World);
    }

    private static async Task DisposeHandlersAsync(SimWorld world)
    {
        foreach (var handler in world.Services)
        {
            switch (handler)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
