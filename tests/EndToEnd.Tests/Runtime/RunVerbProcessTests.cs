using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ebops.Tests.Shared;
using k8s;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary><c>ebops run</c> as a separate process: start-up validation, health endpoints, SIGTERM and lease release.</summary>
public sealed partial class RunVerbProcessTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ebops.dll"));
        start.ArgumentList.Add("run");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own settings must not leak into the operator; a region is all the AWS side needs to start
        // (no object exists, so no AWS call is made).
        start.Environment.Remove("KUBECONFIG");
        start.Environment["AWS_REGION"] = "ap-northeast-2";
        return Process.Start(start)!;
    }

    [Fact]
    public async Task Invalid_options_are_all_reported_and_nothing_starts()
    {
        using var process = Start("--max-concurrent-reconciles", "0", "--metrics-port", "70000", "--kubeconfig", "/nonexistent");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.Equal(2, process.ExitCode);
        var errors = await stderr;
        Assert.Contains("error: --max-concurrent-reconciles must be between 1 and 64, got 0", errors, StringComparison.Ordinal);
        Assert.Contains("error: --metrics-port must be between 0 and 65535, got 70000", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_aws_region_is_reported_with_the_other_errors()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ebops.dll"));
        foreach (var arg in new[] { "run", "--max-concurrent-reconciles", "0", "--kubeconfig", "/nonexistent" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "KUBECONFIG", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/config";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.Equal(2, process.ExitCode);
        var errors = await stderr;
        Assert.Contains("error: --max-concurrent-reconciles must be between 1 and 64, got 0", errors, StringComparison.Ordinal);
        Assert.Contains("error: No AWS region", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_serves_health_leads_and_on_SIGTERM_exits_cleanly_releasing_the_lease()
    {
        await using var target = await KubeTarget.StartAsync();
        var ns = await target.CreateNamespaceAsync("run", Ct);

        // Ready means every registered kind is listed: its CRD must be served.
        await InstallEbopsCrdsAsync(target);
        using var process = Start("--kubeconfig", target.Kubeconfig, "--namespace", ns, "--metrics-port", "0", "--metrics-address", "127.0.0.1",
            "--leader-elect", "--leader-election-namespace", ns, "--shutdown-timeout", "10s");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task CheckReadyAsync()
        {
            // Each informer logs "listed" after it is synced: look at /readyz then (ready once every kind is listed).
            using var probe = new HttpClient { BaseAddress = await listening.Task };
            if ((await probe.GetAsync("/readyz", Ct)).StatusCode == HttpStatusCode.OK)
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }

            if (e.Data.Contains("acquired lease", StringComparison.Ordinal))
            {
                leading.TrySetResult();
            }

            if (e.Data.Contains(": listed ", StringComparison.Ordinal) || e.Data.Contains("acquired lease", StringComparison.Ordinal))
            {
                _ = CheckReadyAsync();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Output() => string.Join('\n', output);
        try
        {
            var metrics = await KubeWait.SignalAsync(listening.Task, "the metrics server listens", Ct);
            using var http = new HttpClient { BaseAddress = metrics };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
            // The log lines are written once the replica leads and each informer listed (state first, then the log).
            await KubeWait.SignalAsync(leading.Task, "the operator acquires the lease", Ct);
            await KubeWait.SignalAsync(ready.Task, "the operator is ready", Ct);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);
            var client = target.Client();
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", ns, cancellationToken: Ct);
            Assert.False(string.IsNullOrEmpty(lease.Spec.HolderIdentity));
            Assert.Contains("ebops_leader{identity=", await http.GetStringAsync("/metrics", Ct), StringComparison.Ordinal);

            Assert.Equal(0, Kill(process.Id, SigTerm));
            await KubeWait.SignalAsync(exited.Task, "the operator exits after SIGTERM", Ct);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{Output()}");
            var released = await client.CoordinationV1.ReadNamespacedLeaseAsync("ebops-leader", ns, cancellationToken: Ct);
            Assert.True(string.IsNullOrEmpty(released.Spec.HolderIdentity), $"holder after SIGTERM: {released.Spec.HolderIdentity}\n{Output()}");
            Assert.Contains(output, line => line.Contains("released lease", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\n" + Output(), e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task InstallEbopsCrdsAsync(KubeTarget target)
    {
        using var client = (Kubernetes)target.Client();
        foreach (var file in Directory.GetFiles(RepoPaths.Config("crds"), "ebops.io_*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<k8s.Models.V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, Ct));
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: Ct);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
            }

            await KubeWait.ForAsync<k8s.Models.V1CustomResourceDefinition>(client, ResourcePath.Crds, crd.Metadata.Name,
                c => c?.Status?.Conditions?.Any(x => x.Type == "Established" && x.Status == "True") == true, crd.Metadata.Name + " is established", Ct);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
