using System.CommandLine;
using Ebops.Operator.Cli;

namespace Ebops.Operator.Tests.Cli;

public sealed class GenerateCrdsVerbTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ebops-crds-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = GenerateCrdsVerb.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void WritesOnceThenIsIdempotentAndCheckDetectsDrift()
    {
        var (exit, output) = Run(dir, "--check");
        Assert.Equal(1, exit);
        Assert.False(Directory.Exists(dir), "--check must not write");

        (exit, _) = Run(dir);
        Assert.Equal(0, exit);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["ebops.io_beanstalkapps.yaml", "ebops.io_bluegreenreleases.yaml", "ebops.io_nlbfrontends.yaml", "ebops.io_rdsdatabases.yaml", "kustomization.yaml"], files);
        var before = files.Select(f => File.ReadAllBytes(Path.Combine(dir, f!))).ToList();

        (exit, output) = Run(dir);
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output);
        Assert.Equal(before, files.Select(f => File.ReadAllBytes(Path.Combine(dir, f!))).ToList());

        File.AppendAllText(Path.Combine(dir, "ebops.io_nlbfrontends.yaml"), "# edited by hand\n");
        (exit, output) = Run(dir, "--check");
        Assert.Equal(1, exit);
        Assert.Contains("ebops.io_nlbfrontends.yaml", output);
        Assert.Contains("generate-crds", output);
    }
}
