using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Tests.Kube.Validation;

public sealed class RepoCrdTests
{
    [Fact]
    public void EveryRuleOfTheGeneratedCrdsIsEvaluated()
    {
        var dir = FindRepoFile("config", "crds");
        var crds = Directory.GetFiles(dir, "ebops.io_*.yaml");
        Assert.Equal(4, crds.Length);
        foreach (var file in crds)
        {
            var crd = YamlDocuments.LoadObject(File.ReadAllText(file));
            var validator = CrdSchemaValidator.ForVersion(crd, "v1alpha1");
            Assert.True(validator.UnsupportedRules.Count == 0, $"{file}: {string.Join("; ", validator.UnsupportedRules)}");
        }
    }

    internal static string FindRepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ebops.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
