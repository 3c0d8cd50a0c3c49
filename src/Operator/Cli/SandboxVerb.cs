using System.CommandLine;
using Ebops.Sandbox.Aws;
using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Kube;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Cli;

/// <summary>
/// <c>sandbox</c>: runs the in-repo Kubernetes API emulator and the AWS simulator on loopback, installs the ebops CRDs,
/// writes a kubeconfig and prints one <c>NAME=value</c> line per endpoint (and the AWS_* lines), then runs until
/// Ctrl-C or SIGTERM. Logs go to stderr so stdout stays machine-readable.
/// </summary>
internal static class SandboxVerb
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Where to write the kubeconfig.", DefaultValueFactory = _ => "sandbox.kubeconfig" };
        var kubePort = new Option<int>("--kube-port") { Description = "Port of the Kubernetes API on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var awsPort = new Option<int>("--aws-port") { Description = "Port of the AWS simulator on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var timeScale = new Option<double>("--time-scale") { Description = "How much faster than real time simulated AWS lifecycles run (100: an environment launches in seconds; 1: real time).", DefaultValueFactory = _ => 100.0 };
        var crds = new Option<DirectoryInfo?>("--crds") { Description = "Directory of CRD manifests to install (default: config/crds found from the current directory up)." };
        var command = new Command("sandbox", "Run the Kubernetes API emulator and the AWS simulator on loopback until Ctrl-C.");
        command.Options.Add(kubeconfig);
        command.Options.Add(kubePort);
        command.Options.Add(awsPort);
        command.Options.Add(timeScale);
        command.Options.Add(crds);
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(timeScale) <= 0)
            {
                error.WriteLine("--time-scale must be greater than 0.");
                return 2;
            }

            var crdDirectory = parse.GetValue(crds)?.FullName ?? FindConfigCrds();
            if (crdDirectory is not null && !Directory.Exists(crdDirectory))
            {
                error.WriteLine($"CRD directory not found: {crdDirectory}");
                return 2;
            }

            await ServeAsync(parse.GetValue(kubeconfig)!, parse.GetValue(kubePort), parse.GetValue(awsPort), parse.GetValue(timeScale), crdDirectory,
                parse.InvocationConfiguration.Output, error, ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>Starts both servers, prints the NAME=value lines, and serves until <paramref name="ct"/> fires.</summary>
    private static async Task ServeAsync(string kubeconfig, int kubePort, int awsPort, double timeScale, string? crdDirectory,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        await using var kube = await KubeApiEmulator.StartAsync(new KubeEmulatorOptions { Port = kubePort, LoggerFactory = loggerFactory }, ct).ConfigureAwait(false);
        if (crdDirectory is not null)
        {
            foreach (var applied in kube.ApplyManifests(crdDirectory))
            {
                error.WriteLine($"installed {applied}");
            }
        }

        var kubeconfigPath = kube.WriteKubeconfig(kubeconfig);
        output.WriteLine($"KUBERNETES_API={kube.BaseAddress.ToString().TrimEnd('/')}");
        output.WriteLine($"KUBECONFIG={kubeconfigPath}");

        // The sandbox's credentials are fixed and not secret (SandboxNetwork), so printing them is fine.
        await using var aws = await AwsSimulator.StartAsync(new AwsSimulatorOptions
        {
            Port = awsPort,
            Timing = new SimTiming(1 / timeScale),
            LoggerFactory = loggerFactory,
        }, ct).ConfigureAwait(false);
        foreach (var line in aws.EnvironmentLines())
        {
            output.WriteLine(line);
        }

        // Simulated DNS names do not resolve: the release's http checks reach green through the simulator's proxy.
        output.WriteLine($"Release__ProbeProxy={aws.Endpoint.ToString().TrimEnd('/')}");

        output.Flush();
        await WaitForShutdownAsync(ct).ConfigureAwait(false);
        error.WriteLine("sandbox stopped");
    }

    /// <summary>System.CommandLine cancels the action's token on Ctrl-C and SIGTERM.</summary>
    private static Task WaitForShutdownAsync(CancellationToken ct)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ct.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }

    /// <summary>config/crds from the current directory upwards, then from the binary's directory upwards.</summary>
    private static string? FindConfigCrds() => FindConfig("crds");

    /// <summary>config/<paramref name="name"/> from the current directory upwards, then from the binary's directory upwards.</summary>
    internal static string? FindConfig(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "config", name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
