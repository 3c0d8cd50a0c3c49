using Ebops.Sandbox.Kube;

[assembly: AssemblyFixture(typeof(Ebops.EndToEnd.Tests.Kube.KubeTarget))]

namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>
/// The cluster the end-to-end tests drive: the one in <c>EBOPS_TEST_KUBECONFIG</c> when it is set, otherwise an
/// in-process Kubernetes API emulator. Tests only talk to it through kubectl (and the kubeconfig), use their own
/// namespace and clean up, so they run unchanged against both.
/// </summary>
public sealed class KubeTarget : IAsyncLifetime
{
    public const string KubeconfigVariable = "EBOPS_TEST_KUBECONFIG";

    private KubeApiEmulator? emulator;
    private string? directory;

    public string Kubeconfig { get; private set; } = "";

    public bool IsEmulator => emulator is not null;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(KubeconfigVariable) is { Length: > 0 } external)
        {
            Kubeconfig = external;
            return;
        }
        emulator = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions(), CancellationToken.None);
        directory = Directory.CreateTempSubdirectory("ebops-e2e-").FullName;
        Kubeconfig = emulator.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
    }

    /// <summary>A fresh namespace for one test (deleted by <see cref="TestNamespace.DisposeAsync"/>).</summary>
    internal async Task<TestNamespace> CreateNamespaceAsync()
    {
        var kubectl = new Kubectl(Kubeconfig);
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..10];
        (await kubectl.RunAsync("create", "namespace", name)).EnsureSuccess("create namespace");
        return new TestNamespace(name, kubectl);
    }

    public async ValueTask DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
