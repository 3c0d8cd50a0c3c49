using System.CommandLine;
using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Entities;
using Spectre.Console;

namespace Ebops.Operator.Cli;

/// <summary>
/// <c>demo</c>: on a machine with nothing but the .NET SDK, the whole story in under a minute: the Kubernetes API emulator,
/// the AWS simulator and the operator in this process, config/samples applied, the first release, then a release
/// under steady load through the NLB's static port, with live progress, a final report, a timeline picture, and the
/// last line <c>failed requests: N</c>. Exit 0 only when the scenario behaved as it should (see <see cref="DemoVerdict"/>).
/// </summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "What the release under load shows: " + string.Join("; ", DemoScenario.All.Select(s => $"{s.Name}: {s.Summary}")),
            DefaultValueFactory = _ => DemoScenario.Default.Name,
        };
        scenario.AcceptOnlyFromAmong([.. DemoScenario.All.Select(s => s.Name)]);
        var keep = new Option<bool>("--keep") { Description = "Leave the emulator, the simulator and the operator running after the report (until Ctrl-C) and print how to reach them." };
        var plain = new Option<bool>("--plain") { Description = "Plain timestamped progress lines even on a terminal (the default when the output is redirected or TERM is dumb)." };
        var output = new Option<string>("--output") { Description = "Directory for the kubeconfig, the log and the timeline picture.", DefaultValueFactory = _ => Path.Combine("artifacts", "demo") };
        var command = new Command("demo", "Run the operator against an in-process Kubernetes API and AWS simulator: apply config/samples, release 1.0.1, then 1.0.2 under load.");
        command.Options.Add(scenario);
        command.Options.Add(keep);
        command.Options.Add(plain);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new DemoOptions(DemoScenario.Find(parse.GetValue(scenario)!)!, parse.GetValue(keep), parse.GetValue(plain), parse.GetValue(output)!),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the demo writing to <paramref name="output"/>; returns the exit code.</summary>
    internal static Task<int> RunAsync(DemoOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(options, new DemoSettings(), output, error, null, cancellationToken);

    /// <summary>
    /// Runs the demo with <paramref name="settings"/>; <paramref name="afterReport"/> (tests) sees the sandbox after the
    /// report, while everything still runs.
    /// </summary>
    internal static async Task<int> RunAsync(DemoOptions options, DemoSettings settings, TextWriter output, TextWriter error,
        Func<DemoSandbox, CancellationToken, Task>? afterReport, CancellationToken cancellationToken)
    {
        var crds = SandboxVerb.FindConfig("crds");
        var samples = SandboxVerb.FindConfig("samples");
        if (crds is null || samples is null)
        {
            await error.WriteLineAsync("error: config/crds and config/samples not found: run the demo from the repository (or below it).").ConfigureAwait(false);
            return 2;
        }

        var paths = new DemoPaths(crds, samples, Path.GetFullPath(options.Output));
        var progress = Plain(options, output) ? (IDemoProgress)new PlainProgress(output) : new RichProgress(AnsiConsole.Console, $"ebops demo · {options.Scenario.Name}");
        await using var run = new DemoRun(options.Scenario, settings, paths, progress, TimeProvider.System);
        DemoResult result;
        await using (progress.ConfigureAwait(false))
        {
            result = await run.RunAsync(cancellationToken).ConfigureAwait(false);
            await progress.StopAsync().ConfigureAwait(false);
        }

        var table = await TableAsync(run, cancellationToken).ConfigureAwait(false);
        var pictures = DemoPicture.Save(result, Path.Combine(paths.Output, "timeline"));
        var verdict = DemoVerdict.Decide(result);
        var keep = options.Keep && run.Sandbox is { } sandbox ? KeepLines(run, sandbox, result) : [];
        DemoReport.Write(output, result, table, [.. pictures.Select(p => Path.GetRelativePath(Directory.GetCurrentDirectory(), p))], verdict, keep);
        if (afterReport is not null && run.Sandbox is { } running)
        {
            await afterReport(running, cancellationToken).ConfigureAwait(false);
        }

        if (keep.Count > 0)
        {
            await WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return verdict.ExitCode;
    }

    /// <summary>Plain lines unless the output is an interactive terminal that can redraw.</summary>
    internal static bool Plain(DemoOptions options, TextWriter output) =>
        options.Plain || !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected
        || Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb";

    private static async Task<string> TableAsync(DemoRun run, CancellationToken cancellationToken)
    {
        if (run.Sandbox is not { } sandbox)
        {
            return "";
        }

        using var http = new HttpClient();
        try
        {
            return await KubectlTable.GetAsync(http, sandbox.Kube.BaseAddress, run.Names.Namespace, EbopsKinds.All, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return $"(could not list the objects: {e.Message})\n";
        }
    }

    private static List<string> KeepLines(DemoRun run, DemoSandbox sandbox, DemoResult result)
    {
        const string next = "1.0.3";
        run.SeedBundle(next);
        return [.. DemoKeep.Lines(sandbox, result, run.Names.Release, next, run.VersionPatch(next).ToJsonString())];
    }

    /// <summary>System.CommandLine cancels the action's token on Ctrl-C and SIGTERM.</summary>
    private static Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }
}
