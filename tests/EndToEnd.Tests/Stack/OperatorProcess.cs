using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// <c>ebops run</c> as its own process (the binary the tests were built with), every line it writes to stdout and
/// stderr kept in order, with signals a test can await (a line matching a pattern, the metrics address, the exit).
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Signal)> waiters = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<Uri> metrics = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OperatorProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
    }

    /// <summary>Every line so far (stdout and stderr interleaved as they arrived).</summary>
    public IReadOnlyList<string> Lines => [.. lines];

    public string Output => string.Join('\n', lines);

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>ebops run</c> with <paramref name="args"/> and <paramref name="environment"/> added to a clean environment.</summary>
    public static OperatorProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment) =>
        StartCommand(["run", .. args], environment);

    /// <summary>
    /// Starts <c>dotnet ebops.dll</c> with <paramref name="commandLine"/> (the verb first, as the image's entrypoint takes
    /// a container's args) and <paramref name="environment"/> added to a clean environment.
    /// </summary>
    public static OperatorProcess StartCommand(IEnumerable<string> commandLine, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ebops.dll"));
        foreach (var arg in commandLine)
        {
            start.ArgumentList.Add(arg);
        }

        // The runner's own settings must not reach the operator: only what the test gives it.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("EBOPS_", StringComparison.Ordinal)
            || k is "KUBECONFIG").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var operatorProcess = new OperatorProcess(Process.Start(start) ?? throw new InvalidOperationException("ebops run did not start"));
        operatorProcess.process.BeginOutputReadLine();
        operatorProcess.process.BeginErrorReadLine();
        return operatorProcess;
    }

    /// <summary>The metrics server's address, once the process logged it.</summary>
    public Task<Uri> MetricsAsync(CancellationToken cancellationToken) => KubeWait.SignalAsync(metrics.Task, "the operator's metrics server listens", cancellationToken);

    /// <summary>The first line (already written or to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> LineAsync(Func<string, bool> match, string what, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (lines.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            waiters.Add((match, signal));
        }

        return KubeWait.SignalAsync(Task.WhenAny(signal.Task, exited.Task).ContinueWith(t => t.Result == signal.Task
            ? signal.Task.Result
            : throw new InvalidOperationException($"ebops run exited ({process.ExitCode}) before {what}:\n{Output}"), TaskScheduler.Default), what, cancellationToken);
    }

    /// <summary>SIGTERM, then the exit code once it is gone.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigTerm);
        }

        await KubeWait.SignalAsync(exited.Task, "the operator exits after SIGTERM", cancellationToken);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once (no lease release, no drain, no status write).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> matched;
        lock (gate)
        {
            lines.Enqueue(line);
            matched = [.. waiters.Where(w => w.Match(line)).Select(w => w.Signal)];
            waiters.RemoveAll(w => matched.Contains(w.Signal));
        }

        foreach (var signal in matched)
        {
            signal.TrySetResult(line);
        }

        if (ListeningOn().Match(line) is { Success: true } listening)
        {
            metrics.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
