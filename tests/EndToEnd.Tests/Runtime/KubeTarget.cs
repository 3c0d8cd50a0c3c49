using System.Net;
using System.Text.Json;
using Ebops.Sandbox.Kube;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// The API server a test talks to: the in-repo emulator, or a real cluster when EBOPS_TEST_KUBECONFIG is set. Each
/// target gets its own namespace and makes sure the Widget CRD is served.
/// </summary>
internal sealed class KubeTarget : IAsyncDisposable
{
    private KubeTarget(KubeApiEmulator? emulator, string kubeconfig, string ns)
    {
        Emulator = emulator;
        Kubeconfig = kubeconfig;
        Namespace = ns;
    }

    public KubeApiEmulator? Emulator { get; }

    public bool IsRealCluster => Emulator is null;

    public string Kubeconfig { get; }

    public string Namespace { get; }

    public static async Task<KubeTarget> StartAsync(KubeEmulatorOptions? options, CancellationToken cancellationToken)
    {
        KubeApiEmulator? emulator = null;
        var kubeconfig = Environment.GetEnvironmentVariable("EBOPS_TEST_KUBECONFIG");
        if (string.IsNullOrEmpty(kubeconfig))
        {
            emulator = await KubeApiEmulator.StartAsync(options ?? new KubeEmulatorOptions(), cancellationToken);
            kubeconfig = emulator.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"ebops-rt-{Guid.NewGuid():N}", "kubeconfig"));
        }

        var target = new KubeTarget(emulator, kubeconfig, $"rt-{Guid.NewGuid().ToString("N")[..8]}");
        var client = target.Client();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = target.Namespace } }, cancellationToken: cancellationToken);
        try
        {
            var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(Widget.Crd);
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }

        // A real API server serves a new CRD only once it is Established.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await client.CustomObjects.ListNamespacedCustomObjectAsync("runtime-test.ebops.io", "v1", target.Namespace, "widgets", cancellationToken: cancellationToken);
                return true;
            }
            catch (HttpOperationException)
            {
                return false;
            }
        }, "the Widget CRD is served", cancellationToken);
        return target;
    }

    public IKubernetes Client(params DelegatingHandler[] handlers) =>
        new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig), handlers);

    public async Task<Widget?> GetAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<Widget>("runtime-test.ebops.io", "v1", Namespace, "widgets", name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task CreateAsync(IKubernetes client, Widget widget, CancellationToken cancellationToken) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, "runtime-test.ebops.io", "v1", Namespace, "widgets", cancellationToken: cancellationToken);

    public Task PatchSpecAsync(IKubernetes client, string name, string size, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(JsonSerializer.Serialize(new { spec = new { size } }), V1Patch.PatchType.MergePatch),
            "runtime-test.ebops.io", "v1", Namespace, "widgets", name, cancellationToken: cancellationToken);

    public Task DeleteAsync(IKubernetes client, string name, CancellationToken cancellationToken) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync("runtime-test.ebops.io", "v1", Namespace, "widgets", name, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
            return;
        }

        try
        {
            await Client().CoreV1.DeleteNamespaceAsync(Namespace);
        }
        catch (HttpOperationException)
        {
        }
    }
}
