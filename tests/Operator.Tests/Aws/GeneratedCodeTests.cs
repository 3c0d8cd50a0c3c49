using Ebops.Operator.Tests.Aws.Support;
using Ebops.Tools.AwsModelGen;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Aws;

/// <summary>The checked-in generated clients are exactly what the generator makes from the official models.</summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Generated_files_are_up_to_date()
    {
        var generated = Generator.GenerateAll(RepoPaths.AwsModels);
        Assert.Equal(15, generated.Count);
        var stale = generated
            .Where(f => !File.Exists(Path.Combine(RepoPaths.Root, f.Key)) || File.ReadAllText(Path.Combine(RepoPaths.Root, f.Key)).ReplaceLineEndings("\n") != f.Value)
            .Select(f => f.Key)
            .ToList();
        Assert.True(stale.Count == 0, $"Regenerate with `dotnet run --project tools/AwsModelGen`: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Generation_is_deterministic() =>
        Assert.Equal(Generator.GenerateAll(RepoPaths.AwsModels), Generator.GenerateAll(RepoPaths.AwsModels));
}
