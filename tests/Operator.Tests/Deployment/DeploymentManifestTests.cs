using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Ebops.Operator.Cli;
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
            foreach (var verb in new[] { "get", "list", "watch", "patch" })
            {
                expected.Add($"ebops.io|{plural}|{verb}");
            }

            expected.Add($"ebops.io|{plural}/status|patch");
        }

        // Secrets owned with blockOwnerDeletion: the API server asks update on the owner's finalizers (RdsDatabase only).
        expected.Add("ebops.io|rdsdatabases/finalizers|update");
        foreach (var verb in new[] { "get", "list", "watch", "create", "patch" })
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

        var defaultDocs = KustomizeDocs(kubectl, "config/default");
        var defaultKinds = defaultDocs.Select(d => (string)d["kind"]!).ToList();
        Assert.Equal(4, defaultKinds.Count(k => k == "CustomResourceDefinition"));
        foreach (var kind in new[] { "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service", "PodDisruptionBudget" })
        {
            Assert.Contains(kind, defaultKinds);
        }

        // Everything namespaced lives in the controller's namespace.
        foreach (var doc in defaultDocs.Where(d => (string?)d["kind"] is not ("CustomResourceDefinition" or "ClusterRole" or "ClusterRoleBinding" or "Namespace")))
        {
            Assert.Equal("ebops-system", (string?)doc["metadata"]!["namespace"]);
        }

        Assert.Equal(["BeanstalkApp", "BlueGreenRelease", "NlbFrontend", "RdsDatabase"], Kustomize(kubectl, "config/samples").Order());
        Assert.Equal(["PrometheusRule", "ServiceMonitor"], Kustomize(kubectl, "config/prometheus").Order());
    }

    [Fact]
    public void The_deployment_arguments_are_valid_options_of_the_run_verb()
    {
        var args = Container()["args"]!.AsArray().Select(a => (string)a!).ToArray();
        var root = new RootCommand();
        root.Subcommands.Add(RunVerb.Create());

        var parsed = root.Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Equal("run", parsed.CommandResult.Command.Name);
    }

    [Fact]
    public void The_grace_period_outlasts_the_shutdown_timeout_so_the_lease_is_released()
    {
        var pod = Single(Load("manager"), "Deployment")["spec"]!["template"]!["spec"]!;

        Assert.True((int)pod["terminationGracePeriodSeconds"]! > new Ebops.Operator.Runtime.Hosting.OperatorOptions().ShutdownTimeout.TotalSeconds);
    }

    [Fact]
    public void The_metrics_service_reaches_the_controller_pods_and_the_service_monitor_scrapes_it()
    {
        var manager = Load("manager");
        var service = Single(manager, "Service");
        var pod = Single(manager, "Deployment")["spec"]!["template"]!;
        var podLabels = pod["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
        var port = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.Contains(Container()["ports"]!.AsArray(), p => (string?)p!["name"] == (string?)port["targetPort"]);

        var monitor = Single(Load("prometheus"), "ServiceMonitor");
        var serviceLabels = service["metadata"]!["labels"]!.AsObject();
        Assert.All(monitor["spec"]!["selector"]!["matchLabels"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)serviceLabels[l.Key]));
        Assert.Equal([(string?)service["metadata"]!["namespace"]], monitor["spec"]!["namespaceSelector"]!["matchNames"]!.AsArray().Select(n => (string?)n));
        var endpoint = Assert.Single(monitor["spec"]!["endpoints"]!.AsArray())!;
        Assert.Equal((string?)port["name"], (string?)endpoint["port"]);
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        // The selector must not also pick the pods' own label set (a Service per replica would double the series).
        Assert.NotEqual((string?)podLabels["app.kubernetes.io/component"], (string?)serviceLabels["app.kubernetes.io/component"]);
    }

    [Fact]
    public void The_replicas_spread_over_nodes_and_a_drain_keeps_one_running()
    {
        var manager = Load("manager");
        var pod = Single(manager, "Deployment")["spec"]!["template"]!;
        var podLabels = pod["metadata"]!["labels"]!.AsObject();
        var spread = pod["spec"]!["topologySpreadConstraints"]!.AsArray();
        Assert.Contains(spread, c => (string?)c!["topologyKey"] == "kubernetes.io/hostname");
        Assert.All(spread, c => Assert.All(c!["labelSelector"]!["matchLabels"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key])));

        var budget = Single(manager, "PodDisruptionBudget");
        Assert.Equal(1, (int)budget["spec"]!["minAvailable"]!);
        Assert.All(budget["spec"]!["selector"]!["matchLabels"]!.AsObject(), l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
    }

    [Fact]
    public void The_service_account_shows_how_to_give_it_an_AWS_role()
    {
        var text = File.ReadAllText(RepoPaths.Get("config", "rbac", "service_account.yaml"));

        Assert.Contains("#   eks.amazonaws.com/role-arn: arn:aws:iam::<account>:role/ebops-controller", text, StringComparison.Ordinal);
        Assert.Contains("aws eks create-pod-identity-association", text, StringComparison.Ordinal);
        Assert.Null(Single(Load("rbac"), "ServiceAccount")["metadata"]!["annotations"]);
    }

    private static List<string> Kustomize(string kubectl, string dir) => KustomizeDocs(kubectl, dir).Select(d => (string)d["kind"]!).ToList();

    private static List<JsonObject> KustomizeDocs(string kubectl, string dir)
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
        return YamlDocuments.Load(output).Cast<JsonObject>().ToList();
    }
}
