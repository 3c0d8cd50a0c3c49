using System.Diagnostics;

namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>
/// The real kubectl running the ebops plugin: a temporary bin directory holds <c>kubectl-ebops</c>, a symlink to the
/// test copy of the ebops binary (how the README installs it), and goes first on PATH. kubectl refuses flags before a
/// plugin's name and passes everything after it to the plugin, so the kubeconfig comes from KUBECONFIG or from a
/// <c>--kubeconfig</c> flag after the verb.
/// </summary>
internal sealed class KubectlPlugin : IDisposable
{
    private readonly string kubeconfig;
    private readonly string home;

    public KubectlPlugin(string kubeconfig)
    {
        this.kubeconfig = kubeconfig;
        home = Directory.CreateTempSubdirectory("ebops-plugin-").FullName;
        Directory.CreateDirectory(Path.Combine(home, "bin"));
        File.CreateSymbolicLink(Path.Combine(home, "bin", "kubectl-ebops"), Path.Combine(AppContext.BaseDirectory, "ebops"));
    }

    /// <summary><c>kubectl ebops ARGS</c>, with KUBECONFIG set, or with <c>--kubeconfig</c> appended when <paramref name="flag"/>.</summary>
    public async Task<KubectlResult> RunAsync(string[] args, bool flag = false)
    {
        var start = new ProcessStartInfo(Kubectl.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ebops");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (flag)
        {
            start.ArgumentList.Add("--kubeconfig");
            start.ArgumentList.Add(kubeconfig);
            start.Environment.Remove("KUBECONFIG");
        }
        else
        {
            start.Environment["KUBECONFIG"] = kubeconfig;
        }

        start.Environment["HOME"] = home;
        start.Environment["PATH"] = Path.Combine(home, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<KubectlResult> RunAsync(params string[] args) => RunAsync(args, flag: false);

    public void Dispose()
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
