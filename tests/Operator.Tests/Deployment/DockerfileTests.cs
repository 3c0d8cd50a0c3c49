using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Deployment;

public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepoPaths.Get("Dockerfile"));

    [Fact]
    public void BuildsOnTheSdkAndRunsOnAspNetAsNonRoot()
    {
        var from = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, from.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", from[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", from[1]);
        var user = Assert.Single(Lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
        Assert.Contains(Lines, l => l.Contains("DOTNET_EnableDiagnostics=0", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"ebops.dll\"]", Lines);
        Assert.Contains("CMD [\"run\"]", Lines);
    }

    [Fact]
    public void RestoreLayerCopiesEveryProjectTheOperatorNeedsBeforeTheSources()
    {
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sources = Array.FindIndex(Lines, l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        Assert.True(restore > 0 && sources > restore, "restore must run before the sources are copied");

        var copied = Lines[..restore].Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ')).ToHashSet();
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(file, copied);
        }

        foreach (var project in ProjectClosure(RepoPaths.Get("src", "Operator", "Operator.csproj")))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, project).Replace('\\', '/');
            Assert.True(copied.Contains(relative), $"the restore layer does not copy {relative}");
        }
    }

    [Fact]
    public void PublishCheckScriptRunsTheDockerfilesCommands()
    {
        var script = File.ReadAllText(RepoPaths.Get("tools", "publish-check.sh"));
        Assert.Contains("RUN \\(dotnet publish", script);
        Assert.Contains("--help", script);
        Assert.Single(Lines, l => PublishLine().IsMatch(l));
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([Path.GetFullPath(project)]);
        while (stack.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                stack.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return seen;
    }

    [Fact]
    public void ShipsReadyToRunAssembliesForTheTargetPlatform()
    {
        Assert.Contains("ARG TARGETARCH", Lines);
        var restore = Assert.Single(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var publish = Assert.Single(Lines, l => PublishLine().IsMatch(l));
        foreach (var line in new[] { restore, publish })
        {
            Assert.Contains("-a $TARGETARCH", line);
            Assert.Contains("-p:PublishReadyToRun=true", line);
        }

        Assert.Contains("--self-contained false", publish);
    }

    [GeneratedRegex("^RUN dotnet publish src/Operator/Operator.csproj -c Release .* -o /app$")]
    private static partial Regex PublishLine();
}
