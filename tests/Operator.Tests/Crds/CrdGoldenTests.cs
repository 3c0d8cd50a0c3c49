using System.Text;
using Ebops.Operator.Crds;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Crds;

public sealed class CrdGoldenTests
{
    private const string Regenerate = "Run: dotnet run --project src/Operator -- generate-crds config/crds";

    [Fact]
    public void CheckedInCrdsEqualWhatTheTypesGenerate()
    {
        var generated = CrdGenerator.GenerateFiles();
        Assert.Equal(5, generated.Count);
        foreach (var (name, content) in generated)
        {
            var path = RepoPaths.Get("config", "crds", name);
            Assert.True(File.Exists(path), $"{path} is missing. {Regenerate}");
            var onDisk = File.ReadAllText(path, Encoding.UTF8);
            Assert.True(onDisk == content, $"{path} differs from what the C# types generate. {Regenerate}");
        }

        var extra = Directory.GetFiles(RepoPaths.Get("config", "crds"))
            .Select(Path.GetFileName)
            .Except(generated.Select(f => f.Key))
            .ToList();
        Assert.True(extra.Count == 0, $"config/crds has files the generator does not write: {string.Join(", ", extra)}");
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var first = CrdGenerator.GenerateFiles();
        var second = CrdGenerator.GenerateFiles();
        Assert.Equal(first, second);
    }
}
