using System.Diagnostics;

namespace Ebops.EndToEnd.Tests.Examples;

/// <summary>
/// Runs workflow steps the way a GitHub runner does for <c>run:</c> (<c>bash --noprofile --norc -eo pipefail</c>, the
/// step's working directory under the workspace, the workflow env plus the step's), including the <c>GITHUB_ENV</c>
/// file: lines a step appends become environment variables of the steps after it.
/// </summary>
internal sealed class ActionsRunner
{
    private readonly string workspace;
    private readonly Dictionary<string, string> env;
    private readonly string githubEnv;

    public ActionsRunner(string workspace, IReadOnlyDictionary<string, string> env)
    {
        this.workspace = workspace;
        this.env = new Dictionary<string, string>(env);
        githubEnv = Path.Combine(workspace, ".github_env");
        File.WriteAllText(githubEnv, "");
        this.env["GITHUB_ENV"] = githubEnv;
        this.env["GITHUB_WORKSPACE"] = workspace;
    }

    public IReadOnlyDictionary<string, string> Env => env;

    /// <summary>Runs <paramref name="step"/>; returns its output (stdout and stderr). Fails the test on a non-zero exit.</summary>
    public async Task<string> RunAsync(ActionsStep step, TimeSpan timeout)
    {
        Assert.False(step.Run is null, $"step '{step.Name}' has no run script");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = step.WorkingDirectory is null ? workspace : Path.Combine(workspace, step.WorkingDirectory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run! })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env.Concat(step.Env))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"step '{step.Name}' did not finish within {timeout}: {await stdout}{await stderr}");
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"step '{step.Name}' exited {process.ExitCode}: {output}");
        foreach (var line in File.ReadAllLines(githubEnv).Where(l => l.Contains('=', StringComparison.Ordinal)))
        {
            env[line[..line.IndexOf('=', StringComparison.Ordinal)]] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        return output;
    }
}
