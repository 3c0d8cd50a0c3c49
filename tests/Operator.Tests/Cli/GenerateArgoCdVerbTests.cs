using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Operator.Cli;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Cli;

/// <summary>config/argocd/argocd-cm.yaml is generated from config/argocd/lua and carries each script byte for byte.</summary>
public sealed class GenerateArgoCdVerbTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ebops-argocd-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = GenerateArgoCdVerb.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void The_shipped_patch_is_up_to_date_with_the_scripts()
    {
        var (exit, output) = Run(RepoPaths.Get("config", "argocd"), "--check");

        Assert.True(exit == 0, output + "\nRun: dotnet run --project src/Operator -- generate-argocd config/argocd");
    }

    [Fact]
    public void Writes_then_is_idempotent_and_check_detects_drift()
    {
        CopyScripts();
        Assert.Equal(1, Run(dir, "--check").Exit);
        Assert.False(File.Exists(Path.Combine(dir, "argocd-cm.yaml")), "--check must not write");

        Assert.Equal(0, Run(dir).Exit);
        var written = File.ReadAllText(Path.Combine(dir, "argocd-cm.yaml"));
        var (exit, output) = Run(dir);
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(dir, "lua", "health.lua"), "-- changed\n");
        (exit, output) = Run(dir, "--check");
        Assert.Equal(1, exit);
        Assert.Contains("generate-argocd", output, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(Path.Combine(dir, "argocd-cm.yaml")));
    }

    [Fact]
    public void Every_kind_gets_its_health_script_and_the_release_its_actions_verbatim()
    {
        var lua = RepoPaths.Get("config", "argocd", "lua");
        var data = Data(File.ReadAllText(RepoPaths.Get("config", "argocd", "argocd-cm.yaml")));

        Assert.Equal(Expanded(Path.Combine(lua, "BlueGreenRelease", "health.lua")), (string?)data["resource.customizations.health.ebops.io_BlueGreenRelease"]);
        foreach (var kind in new[] { "RdsDatabase", "BeanstalkApp", "NlbFrontend" })
        {
            Assert.Equal(Expanded(Path.Combine(lua, "health.lua")), (string?)data[$"resource.customizations.health.ebops.io_{kind}"]);
        }

        var actions = YamlDocuments.LoadObject((string)data["resource.customizations.actions.ebops.io_BlueGreenRelease"]!);
        Assert.Equal(Expanded(Path.Combine(lua, "BlueGreenRelease", "actions", "discovery.lua")), (string?)actions["discovery.lua"]);
        var definitions = actions["definitions"]!.AsArray();
        Assert.Equal(["abort", "promote", "retry", "rollback"], definitions.Select(d => (string)d!["name"]!));
        foreach (var definition in definitions)
        {
            Assert.Equal(Expanded(Path.Combine(lua, "BlueGreenRelease", "actions", (string)definition!["name"]! + ".lua")), (string?)definition["action.lua"]);
        }

        Assert.Equal(5, data.Count);
    }

    [Fact]
    public void Every_health_script_carries_the_shared_snippet_and_no_include_line()
    {
        var snippet = File.ReadAllText(RepoPaths.Get("config", "argocd", "lua", "lib", "kstatus.lua"));
        var data = Data(File.ReadAllText(RepoPaths.Get("config", "argocd", "argocd-cm.yaml")));

        foreach (var kind in new[] { "RdsDatabase", "BeanstalkApp", "NlbFrontend", "BlueGreenRelease" })
        {
            var health = (string)data[$"resource.customizations.health.ebops.io_{kind}"]!;
            Assert.Contains(snippet, health, StringComparison.Ordinal);
            Assert.DoesNotContain("ebops:include", health, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_include_of_a_missing_snippet_or_inside_a_snippet_is_refused()
    {
        CopyScripts();
        var lua = Path.Combine(dir, "lua");
        File.AppendAllText(Path.Combine(lua, "health.lua"), "-- ebops:include lib/missing.lua\n");
        var missing = Assert.Throws<InvalidOperationException>(() => ArgoCdCustomizations.Generate(lua));
        Assert.Contains("lib/missing.lua", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(lua, "lib", "missing.lua"), "-- ebops:include lib/kstatus.lua\n");
        var nested = Assert.Throws<InvalidOperationException>(() => ArgoCdCustomizations.Generate(lua));
        Assert.Contains("cannot include", nested.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_component_patches_argocd_cm_in_whatever_namespace_Argo_CD_runs()
    {
        var kubectl = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "kubectl")).FirstOrDefault(File.Exists);
        if (kubectl is null)
        {
            Assert.Skip("kubectl is not on PATH");
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "argocd-cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n  namespace: gitops\ndata:\n  url: https://argocd.example.com\n");
        var component = Path.GetRelativePath(dir, RepoPaths.Get("config", "argocd"));
        File.WriteAllText(Path.Combine(dir, "kustomization.yaml"), $"resources: [argocd-cm.yaml]\ncomponents: [{component}]\n");

        var built = YamlDocuments.LoadObject(Kustomize(kubectl, dir));

        Assert.Equal("gitops", (string?)built["metadata"]!["namespace"]);
        var data = built["data"]!.AsObject();
        Assert.Equal("https://argocd.example.com", (string?)data["url"]);
        Assert.True(JsonNode.DeepEquals(Data(File.ReadAllText(RepoPaths.Get("config", "argocd", "argocd-cm.yaml"))), new JsonObject(data.Where(p => p.Key != "url")
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))));
    }

    /// <summary>A script as Argo CD must get it: each include line replaced by the text of the snippet it names.</summary>
    private static string Expanded(string path) => Regex.Replace(File.ReadAllText(path), @"^-- ebops:include (\S+)\n",
        m => File.ReadAllText(RepoPaths.Get("config", "argocd", "lua", m.Groups[1].Value)), RegexOptions.Multiline);

    private static JsonObject Data(string yaml) => YamlDocuments.LoadObject(yaml)["data"]!.AsObject();

    private void CopyScripts()
    {
        var source = RepoPaths.Get("config", "argocd", "lua");
        foreach (var file in Directory.GetFiles(source, "*.lua", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, "lua", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Kustomize(string kubectl, string path)
    {
        var psi = new ProcessStartInfo(kubectl, ["kustomize", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
