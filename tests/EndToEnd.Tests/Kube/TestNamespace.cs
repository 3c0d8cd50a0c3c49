namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>A namespace owned by one test, with the kubectl it uses; deleting it cleans up after the test.</summary>
internal sealed class TestNamespace(string name, Kubectl kubectl) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Kubectl Kubectl { get; } = kubectl;

    /// <summary>kubectl with <c>-n</c> this namespace.</summary>
    public Task<KubectlResult> RunAsync(params string[] args) => Kubectl.RunAsync(["-n", Name, .. args]);

    public Task<KubectlResult> RunWithInputAsync(string stdin, params string[] args) => Kubectl.RunAsync(["-n", Name, .. args], stdin);

    public async ValueTask DisposeAsync()
    {
        await Kubectl.RunAsync("delete", "namespace", Name, "--wait=false", "--ignore-not-found");
        Kubectl.Dispose();
    }
}
