using Ebops.Sandbox.Kube;
using Ebops.Tests.Shared;
using k8s;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>A Kubernetes target with the Widget CRD and a namespace of its own, and a client for the test's own requests.</summary>
internal sealed class RuntimeTestBed : IAsyncDisposable
{
    private RuntimeTestBed(KubeTarget kube, string ns)
    {
        Kube = kube;
        Namespace = ns;
        Client = kube.Client();
        Widgets = new WidgetClient(Client, ns);
    }

    public KubeTarget Kube { get; }

    public string Namespace { get; }

    public IKubernetes Client { get; }

    public WidgetClient Widgets { get; }

    public static async Task<RuntimeTestBed> StartAsync(CancellationToken cancellationToken, KubeEmulatorOptions? options = null)
    {
        var kube = await KubeTarget.StartAsync(options);
        await kube.InstallWidgetsAsync(cancellationToken);
        return new RuntimeTestBed(kube, await kube.CreateNamespaceAsync("rt", cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (Kube.IsRealCluster)
        {
            try
            {
                await Client.CoreV1.DeleteNamespaceAsync(Namespace);
            }
            catch (k8s.Autorest.HttpOperationException)
            {
            }
        }

        Client.Dispose();
        await Kube.DisposeAsync();
    }
}
