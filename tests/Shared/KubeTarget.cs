using System.Net;
using Ebops.Sandbox.Kube;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Tests.Shared;

/// <summary>
/// The API server a test talks to: the cluster in <c>EBOPS_TEST_KUBECONFIG</c> when it is set, otherwise an
/// in-process Kubernetes API emulator. Tests use their own namespaces and clean up, so they run unchanged against both.
/// Usable as an xunit assembly fixture (parameterless) or per test (<see cref="StartAsync"/>, for emulator options).
/// </summary>
public sealed class KubeTarget : IAsyncLifetime
{
    public const string KubeconfigVariable = "EBOPS_TEST_KUBECONFIG";

    private readonly KubeEmulatorOptions? options;
    private string? directory;

    public KubeTarget()
        : this(null)
    {
    }

    private KubeTarget(KubeEmulatorOptions? options) => this.options = options;

    public KubeApiEmulator? Emulator { get; private set; }

    public bool IsEmulator => Emulator is not null;

    public bool IsRealCluster => Emulator is null;

    public string Kubeconfig { get; private set; } = "";

    /// <summary>A target of its own; <paramref name="options"/> apply only when it is the emulator.</summary>
    public static async Task<KubeTarget> StartAsync(KubeEmulatorOptions? options = null)
    {
        var target = new KubeTarget(options);
        await target.InitializeAsync();
        return target;
    }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(KubeconfigVariable) is { Length: > 0 } external)
        {
            Kubeconfig = external;
            return;
        }

        Emulator = await KubeApiEmulator.StartAsync(options ?? new KubeEmulatorOptions(), CancellationToken.None);
        directory = Directory.CreateTempSubdirectory("ebops-test-").FullName;
        Kubeconfig = Emulator.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
    }

    public IKubernetes Client(params DelegatingHandler[] handlers) =>
        new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig), handlers);

    /// <summary>A fresh namespace named <paramref name="prefix"/>-random.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var client = (Kubernetes)Client();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        return name;
    }

    /// <summary>Installs the Widget CRD (idempotent) and waits until it is established (a real server serves it only then).</summary>
    public async Task InstallWidgetsAsync(CancellationToken cancellationToken)
    {
        using var client = (Kubernetes)Client();
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesJson.Deserialize<V1CustomResourceDefinition>(Widget.Crd),
                cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }

        await KubeWait.ForAsync<V1CustomResourceDefinition>(client, ResourcePath.Crds, "widgets.test.ebops.io",
            crd => crd?.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true, "the Widget CRD is established",
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }

        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
