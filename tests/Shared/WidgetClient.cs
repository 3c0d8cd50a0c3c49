using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ebops.Tests.Shared;

/// <summary>Widget CRUD in one namespace through the real client, and waits on a Widget's state.</summary>
public sealed class WidgetClient(IKubernetes client, string ns)
{
    public string Namespace => ns;

    public async Task<Widget?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<Widget>(Widget.GroupName, Widget.Version, ns, Widget.Plural, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task CreateAsync(Widget widget, CancellationToken cancellationToken) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, Widget.GroupName, Widget.Version, ns, Widget.Plural, cancellationToken: cancellationToken);

    public Task CreateAsync(string name, CancellationToken cancellationToken, int size = 1, string? secretName = null) =>
        CreateAsync(Widget.New(name, ns, size, secretName), cancellationToken);

    public Task PatchSpecAsync(string name, int size, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(JsonSerializer.Serialize(new { spec = new { size } }), V1Patch.PatchType.MergePatch),
            Widget.GroupName, Widget.Version, ns, Widget.Plural, name, cancellationToken: cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widget.GroupName, Widget.Version, ns, Widget.Plural, name, cancellationToken: cancellationToken);

    /// <summary>Until the Widget satisfies <paramref name="condition"/> (null: it does not exist), by watching it.</summary>
    public Task WaitAsync(string name, Func<Widget?, bool> condition, string what, CancellationToken cancellationToken) =>
        KubeWait.ForAsync(client, ResourcePath.Widgets(ns), name, condition, what, cancellationToken);
}
