using System.Diagnostics;

namespace Ebops.EndToEnd.Tests.Examples;

/// <summary>
/// A GitOps repository for the workflow tests: a bare repository (the remote the workflow pushes to and Argo CD reads)
/// seeded with one file, and fresh clones of it.
/// </summary>
internal sealed class GitOpsRepository
{
    private GitOpsRepository(string remote) => Remote = remote;

    /// <summary>Path of the bare repository.</summary>
    public string Remote { get; }

    /// <summary>A bare repository under <paramref name="root"/> whose first commit holds <paramref name="file"/>.</summary>
    public static async Task<GitOpsRepository> CreateAsync(string root, string file, string content)
    {
        var remote = Path.Combine(root, "gitops.git");
        await GitAsync(root, "init", "-q", "--bare", "-b", "main", remote);
        var seed = Path.Combine(root, "gitops-seed");
        await GitAsync(root, "clone", "-q", remote, seed);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(seed, file))!);
        await File.WriteAllTextAsync(Path.Combine(seed, file), content);
        await GitAsync(seed, "add", ".");
        await GitAsync(seed, "-c", "user.name=seed", "-c", "user.email=seed@example.com", "commit", "-qm", "seed");
        await GitAsync(seed, "push", "-q", "origin", "HEAD:main");
        return new GitOpsRepository(remote);
    }

    /// <summary>Clones the current main into <paramref name="directory"/> (what actions/checkout and Argo CD do).</summary>
    public Task CloneAsync(string directory) => GitAsync(Path.GetDirectoryName(directory)!, "clone", "-q", "-b", "main", Remote, directory);

    /// <summary>The subject of main's last commit.</summary>
    public async Task<string> LastSubjectAsync() => (await GitAsync(Remote, "log", "-1", "--format=%s", "main")).Trim();

    public static async Task<string> GitAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {await stderr}");
        return await stdout;
    }
}
