using Amazon.Runtime;
using Ebops.Operator.Aws;
using Ebops.Operator.Aws.Core;
using Ebops.Operator.Aws.ElasticBeanstalk;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Operator.Runtime.Metrics;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Kube;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// Everything the demo runs in-process: the Kubernetes API emulator with the ebops CRDs, the AWS simulator at the
/// demo's time scale, and the operator itself, built by <see cref="OperatorHost"/> with the controllers of
/// <c>ebops run</c> (<see cref="RunVerb.ConfigureControllers"/>) and pointed at both through a kubeconfig and the
/// <c>Aws</c> settings. Logs of all three go to <see cref="Log"/>.
/// </summary>
internal sealed class DemoSandbox : IAsyncDisposable
{
    private readonly ILoggerFactory loggers;
    private WebApplication? operatorHost;
    private IElasticBeanstalkApi? elasticBeanstalk;

    private DemoSandbox(DemoLogFile log, ILoggerFactory loggers, KubeApiEmulator kube, AwsSimulator aws, string kubeconfig, IReadOnlyList<string> crds)
    {
        Log = log;
        this.loggers = loggers;
        Kube = kube;
        Aws = aws;
        Kubeconfig = kubeconfig;
        InstalledCrds = crds;
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
    }

    public DemoLogFile Log { get; }

    public KubeApiEmulator Kube { get; }

    public AwsSimulator Aws { get; }

    /// <summary>The kubeconfig the operator (and kubectl, with --keep) uses.</summary>
    public string Kubeconfig { get; }

    /// <summary>The CRDs installed, as <c>customresourcedefinitions/NAME</c>.</summary>
    public IReadOnlyList<string> InstalledCrds { get; }

    /// <summary>The demo's own client of the emulator (reads the objects, creates the samples, bumps the version).</summary>
    public IKubernetes Client { get; }

    /// <summary>Elastic Beanstalk as any client of the simulator sees it (the demo's own checks; not the operator's client).</summary>
    public IElasticBeanstalkApi ElasticBeanstalk => elasticBeanstalk ??= new AwsClientFactory(
        Options.Create(new AwsOptions { Region = Aws.Region, EndpointUrl = Aws.Endpoint.ToString() }), TimeProvider.System, loggers, _ => null,
        new BasicAWSCredentials(Aws.AccessKeyId, Aws.SecretAccessKey)).CreateElasticBeanstalkApi();

    /// <summary>The operator's /healthz, /readyz and /metrics (once it started).</summary>
    public Uri? OperatorMetrics => operatorHost is null ? null : OperatorHost.MetricsAddress(operatorHost);

    /// <summary>Starts the emulator (CRDs from <paramref name="crdDirectory"/> installed) and the simulator.</summary>
    public static async Task<DemoSandbox> StartAsync(DemoSettings settings, string crdDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        var log = new DemoLogFile(Path.Combine(outputDirectory, "ebops.log"), TimeProvider.System, settings.LogLevel);
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(settings.LogLevel).AddProvider(log));
        KubeApiEmulator? kube = null;
        try
        {
            kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions { LoggerFactory = loggers }, cancellationToken).ConfigureAwait(false);
            var crds = kube.ApplyManifests(crdDirectory);
            var kubeconfig = kube.WriteKubeconfig(Path.Combine(outputDirectory, "demo.kubeconfig"));
            var aws = await AwsSimulator.StartAsync(
                new AwsSimulatorOptions { Timing = new SimTiming(settings.TimeScale), LoggerFactory = loggers }, cancellationToken).ConfigureAwait(false);
            return new DemoSandbox(log, loggers, kube, aws, kubeconfig, crds);
        }
        catch
        {
            if (kube is not null)
            {
                await kube.DisposeAsync().ConfigureAwait(false);
            }

            loggers.Dispose();
            log.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds and starts the operator the way <c>ebops run</c> does (same host, same controllers, same configuration
    /// keys), with two differences that only concern this process: the simulator's fixed credentials are handed to the
    /// AWS clients directly rather than through environment variables, and the metrics have a registry of their own.
    /// </summary>
    public async Task StartOperatorAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var host = OperatorHost.Build(settings.OperatorOverrides(Kubeconfig, Aws.Endpoint, Aws.Region), (services, configuration) =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Log);
            services.AddSingleton(new RuntimeMetrics(new Prometheus.CollectorRegistry()));
            services.TryAddSingleton(sp => new AwsClientFactory(
                sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(),
                credentialsOverride: new BasicAWSCredentials(Aws.AccessKeyId, Aws.SecretAccessKey)));
            RunVerb.ConfigureControllers(services, configuration);
        });
        operatorHost = host;
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (operatorHost is not null)
        {
            await operatorHost.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await operatorHost.DisposeAsync().ConfigureAwait(false);
        }

        Client.Dispose();
        await Aws.DisposeAsync().ConfigureAwait(false);
        await Kube.DisposeAsync().ConfigureAwait(false);
        loggers.Dispose();
        Log.Dispose();
    }
}
