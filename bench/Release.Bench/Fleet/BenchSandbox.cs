using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// The Kubernetes API emulator (ebops' CRDs installed, one namespace) and the AWS simulator, in this process, for an
/// operator started in its own: a kubeconfig, the AWS environment lines, the application bundles in S3, and AWS calls
/// counted as the simulator logs them.
/// </summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    public const string Namespace = "fleet";
    public const string Bucket = "ebops-bench-bundles";

    private readonly bool ownsAws;

    private BenchSandbox(KubeApiEmulator kube, AwsSimulator aws, string kubeconfig, FleetSettings settings, bool ownsAws)
    {
        this.ownsAws = ownsAws;
        Kube = kube;
        Aws = aws;
        Kubeconfig = kubeconfig;
        Settings = settings;
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        Calls = new AwsCallCounter(aws.World.Calls);
    }

    public KubeApiEmulator Kube { get; }

    public AwsSimulator Aws { get; }

    public SimWorld World => Aws.World;

    public string Kubeconfig { get; }

    public FleetSettings Settings { get; }

    /// <summary>The bench's own client (its requests are not the operator's).</summary>
    public IKubernetes Client { get; }

    /// <summary>Every call the simulator answered, by service, operation and outcome.</summary>
    public AwsCallCounter Calls { get; }

    /// <summary>Starts both, installs config/crds, creates <see cref="Namespace"/> and the bundle bucket. Quotas are raised
    /// for <see cref="FleetSettings.Apps"/> applications (as an account would ask AWS to), rate limits on when asked.
    /// With <paramref name="existing"/>, that simulator (with its own options and the bundle bucket) is used and left
    /// running on disposal.</summary>
    public static async Task<BenchSandbox> StartAsync(FleetSettings settings, CancellationToken cancellationToken, AwsSimulator? existing = null)
    {
        // A watch cache that survives a burst of thousands of writes, so the operator's watches resume instead of re-listing.
        var kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions { WatchCacheSize = 200_000, LoggerFactory = NullLoggerFactory.Instance }, cancellationToken).ConfigureAwait(false);
        var kubeconfig = kube.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"ebops-bench-{Environment.ProcessId}-{Guid.NewGuid():N}", "kubeconfig"));
        kube.ApplyManifests(RepoPaths.Config("crds"));
        var quotas = new SimQuotas
        {
            EbApplications = Math.Max(75, settings.Apps + 10),
            EbEnvironments = Math.Max(200, (settings.Apps * 3) + 10),
            EbApplicationVersions = Math.Max(1000, (settings.Apps * 4) + 10),
        };
        var aws = existing ?? await AwsSimulator.StartAsync(
            new AwsSimulatorOptions
            {
                Timing = new SimTiming(settings.TimeScale),
                RateLimits = settings.Throttling ? [.. AwsRateLimits.Default] : [],
                Quotas = quotas,
            },
            cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            aws.World.S3.CreateBucket(Bucket);
        }

        var sandbox = new BenchSandbox(kube, aws, kubeconfig, settings, ownsAws: existing is null);
        await sandbox.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return sandbox;
    }

    /// <summary>Uploads an application's source bundle (what <c>spec.version.sourceBundle</c> names).</summary>
    public void PutBundle(string key) => World.S3.PutObject(Bucket, key, [0x50, 0x4b, 0x05, 0x06, .. new byte[18]], "application/zip");

    /// <summary>The environment of an operator process pointed at this sandbox: kubeconfig, AWS endpoint, region and
    /// credentials, the time-scaled controller settings, the release's probe proxy.</summary>
    public Dictionary<string, string> OperatorEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBECONFIG"] = Kubeconfig,
            ["AWS_ENDPOINT_URL"] = Aws.Endpoint.ToString(),
            ["AWS_REGION"] = Aws.Region,
            ["AWS_ACCESS_KEY_ID"] = Aws.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Aws.SecretAccessKey,
            ["Release__ProbeProxy"] = Aws.Endpoint.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (name, value) in Settings.OperatorTimings().Concat(ImageEnvironment.Load()))
        {
            environment[name] = value;
        }

        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        Calls.Dispose();
        Client.Dispose();
        if (ownsAws)
        {
            await Aws.DisposeAsync().ConfigureAwait(false);
        }

        await Kube.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Path.GetDirectoryName(Kubeconfig)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
