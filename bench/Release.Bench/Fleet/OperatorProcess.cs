using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ebops.Bench.Release.Fleet;

/// <summary>
/// <c>ebops run</c> in a process of its own (the build next to this benchmark, <c>dotnet ebops.dll run</c>), so its
/// memory and CPU are its own: start time, metrics address (from its "Now listening on" line), output to a log file,
/// RSS and the kernel's high-water mark (<c>/proc/PID/status</c>: VmRSS, VmHWM) and CPU time.
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private OperatorProcess(Process process, StreamWriter log, long startedAt)
    {
        this.process = process;
        this.log = log;
        StartedAt = startedAt;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => process.Id;

    /// <summary>Starts <c>ebops run</c> with <paramref name="arguments"/> and <paramref name="environment"/> (the bench's own
    /// AWS and Kubernetes settings do not leak in); its output goes to <paramref name="logPath"/>. <paramref name="dll"/>
    /// is the operator's ebops.dll, null for the build next to this benchmark.</summary>
    public static OperatorProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, string? dll = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(dll ?? Path.Combine(AppContext.BaseDirectory, "ebops.dll")));
        start.ArgumentList.Add("run");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("EBOPS_", StringComparison.Ordinal) || k == "KUBECONFIG").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var running = new OperatorProcess(process, log, startedAt);
        process.OutputDataReceived += (_, e) => running.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => running.OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => running.exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The metrics server's base address, once the operator printed it.</summary>
    public async Task<Uri> MetricsAsync(CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(listening.Task, exited.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        return first == listening.Task ? await listening.Task.ConfigureAwait(false) : throw new InvalidOperationException($"the operator exited with code {process.ExitCode} before it listened");
    }

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => exited.Task;

    /// <summary>Resident memory now (VmRSS), MB.</summary>
    public double RssMb => StatusMb("VmRSS");

    /// <summary>The kernel's high-water mark of resident memory over the process's life (VmHWM), MB.</summary>
    public double PeakRssMb => StatusMb("VmHWM");

    /// <summary>User plus system CPU time used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The operator's /metrics, parsed.</summary>
    public async Task<PrometheusText> ScrapeAsync(CancellationToken cancellationToken)
    {
        var metrics = await MetricsAsync(cancellationToken).ConfigureAwait(false);
        var text = await http.GetStringAsync(new Uri(metrics, "/metrics"), cancellationToken).ConfigureAwait(false);
        return PrometheusText.Parse(text);
    }

    /// <summary>SIGTERM, then waits for the exit (killed after <paramref name="grace"/>).</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, 15);
            try
            {
                await exited.Task.WaitAsync(grace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await exited.Task.ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        process.Dispose();
        http.Dispose();
        await log.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private double StatusMb(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            var kb = line is null ? 0 : double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
