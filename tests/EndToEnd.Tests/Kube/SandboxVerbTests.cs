using System.Diagnostics;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>The <c>sandbox</c> verb as a user runs it: a separate process, its printed endpoints, then kubectl.</summary>
public sealed class SandboxVerbTests
{
    [Fact]
    public async Task Sandbox_prints_its_endpoints_writes_a_kubeconfig_and_serves_the_ebops_crds()
    {
        var directory = Directory.CreateTempSubdirectory("ebops-sandbox-verb-").FullName;
        var kubeconfig = Path.Combine(directory, "sandbox.kubeconfig");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ebops.dll"), "sandbox", "--kubeconfig", kubeconfig, "--crds", RepoPaths.Config("crds") })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            var lines = new Dictionary<string, string>();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            while (!lines.ContainsKey("KUBECONFIG") && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                lines[line[..equals]] = line[(equals + 1)..];
            }
            Assert.StartsWith("http://127.0.0.1:", lines["KUBERNETES_API"], StringComparison.Ordinal);
            Assert.Equal(kubeconfig, lines["KUBECONFIG"]);
            Assert.Contains(lines["KUBERNETES_API"], await File.ReadAllTextAsync(kubeconfig, TestContext.Current.CancellationToken), StringComparison.Ordinal);

            using var kubectl = new Kubectl(kubeconfig);
            var crds = (await kubectl.RunAsync("get", "crd", "-o", "name")).EnsureSuccess("get crd").StdOut;
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/bluegreenreleases.ebops.io", crds, StringComparison.Ordinal);
            Assert.Contains("customresourcedefinition.apiextensions.k8s.io/rdsdatabases.ebops.io", crds, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }
}
