using System.Diagnostics;
using System.Text.Json.Nodes;
using Ebops.Sandbox.Kube.Validation;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Deployment;

public sealed class DeploymentManifestTests
{
    private static List<JsonObject> Load(string folder) =>
        Directory.GetFiles(RepoPaths.Get("config", folder), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => YamlDocuments.Load(File.ReadAllText(f)))
            .Cast<JsonObject>()
            .ToList();

    private static JsonObject Single(List<JsonObject> docs, string kind) => Assert.Single(docs, d => (string?)d["kind"] == kind);

    private static JsonObject Container()
    {
        var deployment = Single(Load("manager"), "Deployment");
        return Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!.AsObject();
    }

    [Fact]
    public void PodRunsAsNonRootWithSeccompAndTwoReplicas()
    {
        var deployment = Single(Load("manager"), "Deployment");
        Assert.Equal(2, (int)deployment["spec"]!["replicas"]!);
        var pod = deployment["spec"]!["template"]!["spec"]!;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)pod["securityContext"]!["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        Assert.Equal("ebops-controller", (string?)pod["serviceAccountName"]);
        Assert.Equal("ebops-system", (string?)deployment["metadata"]!["namespace"]);
    }

    [Fact]
    public void ContainerIsLockedDownAndWritesOnlyToTmp()
    {
        var container = Container();
        var security = container["securityContext"]!;
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.False((bool)security["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
        Assert.Null(security["capabilities"]!["add"]);
        var mount = Assert.Single(container["volumeMounts"]!.AsArray());
        Assert.Equal("/tmp", (string?)mount!["mountPath"]);
        var pod = Single(Load("manager"), "Deployment")["spec"]!["template"]!["spec"]!;
        var volume = Assert.Single(pod["volumes"]!.AsArray());
        Assert.Equal((string?)mount["name"], (string?)volume!["name"]);
        Assert.NotNull(volume["emptyDir"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
    }

    [Fact]
    public void RunsTheOperatorWithLeaderElectionProbesAndMetrics()
    {
        var container = Container();
        Assert.Equal(["run", "--leader-elect"], container["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Contains(container["ports"]!.AsArray(), p => (int)p!["containerPort"]! == 8080);
        Assert.Contains(container["env"]!.AsArray(), e => (string?)e!["name"] == "POD_NAMESPACE");
    }

    [Fact]
    public void RbacGrantsExactlyWhatTheControllerNeedsAndNoWildcards()
    {
        var docs = Load("rbac");
        var granted = new HashSet<string>();
        foreach (var role in docs.Where(d => (string?)d["kind"] is "ClusterRole" or "Role"))
        {
            foreach (var rule in role["rules"]!.AsArray())
            {
                foreach (var group in rule!["apiGroups"]!.AsArray())
                {
                    foreach (var resource in rule["resources"]!.AsArray())
                    {
                        foreach (var verb in rule["verbs"]!.AsArray())
                        {
                            granted.Add($"{(string)group!}|{(string)resource!}|{(string)verb!}");
                        }
                    }
                }
            }
        }

        Assert.DoesNotContain(granted, g => g.Contains('*', StringComparison.Ordinal));

        var expected = new HashSet<string>();
        foreach (var plural in new[] { "rdsdatabases", "beanstalkapps", "nlbfrontends", "bluegreenreleases" })
        {
            foreach (var verb in new[] { "get", "list", "watch", "update", "patch" })
            {
                expected.Add($"ebops.io|{plural}|{verb}");
            }

            foreach (var verb in new[] { "get", "update", "patch" })
            {
                expected.Add($"ebops.io|{plural}/status|{verb}");
            }

            expected.Add($"ebops.io|{plural}/finalizers|update");
        }

        foreach (var verb in new[] { "get", "list", "watch", "create", "update", "patch" })
        {
            expected.Add($"|secrets|{verb}");
        }

        expected.UnionWith(["events.k8s.io|events|create", "events.k8s.io|events|patch"]);
        expected.UnionWith(["coordination.k8s.io|leases|get", "coordination.k8s.io|leases|create", "coordination.k8s.io|leases|update"]);
        Assert.Equal(expected.Order(), granted.Order());

        // Leases only in the controller's namespace.
        var leaseRole = Assert.Single(docs, d => (string?)d["kind"] == "Role");
        Assert.Equal("ebops-system", (string?)leaseRole["metadata"]!["namespace"]);
        Assert.DoesNotContain(Single(docs, "ClusterRole")["rules"]!.AsArray(), r => r!["resources"]!.AsArray().Any(x => (string?)x == "leases"));
    }

    [Fact]
    public void BindingsBindTheDeploymentsServiceAccount()
    {
        var docs = Load("rbac");
        var account = Single(docs, "ServiceAccount");
        foreach (var binding in docs.Where(d => (string?)d["kind"] is "ClusterRoleBinding" or "RoleBinding"))
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal((string?)account["metadata"]!["name"], (string?)subject["name"]);
            Assert.Equal((string?)account["metadata"]!["namespace"], (string?)subject["namespace"]);
        }
    }

    [Fact]
    public void KustomizeBuildsTheDefaultAndSamples()
    {
        var kubectl = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "kubectl")).FirstOrDefault(File.Exists);
        if (kubectl is null)
        {
            Assert.Skip("kubectl is not on PATH");
        }

        var defaultKinds = Kustomize(kubectl, "config/default");
        Assert.Equal(4, defaultKinds.Count(k => k == "CustomResourceDefinition"));
        Assert.Contains("Deployment", defaultKinds);
        Assert.Contains("ClusterRole", defaultKinds);
        Assert.Equal(["BeanstalkApp", "BlueGreenRelease", "NlbFrontend", "RdsDatabase"], Kustomize(kubectl, "config/samples").Order());
    }

    private static List<string> Kustomize(string kubectl, string dir)
    {
        var psi = new ProcessStartInfo(kubectl, ["kustomize", RepoPaths.Get(dir.Split('/'))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return YamlDocuments.Load(output).Select(d => (string)d["kind"]!).ToList();
    }
}
