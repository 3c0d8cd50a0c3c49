using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.Stack;
using Ebops.Operator.Cli.Demo;
using Ebops.Operator.Runtime.Hosting;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Install;

/// <summary>
/// config/default as a cluster gets it: <c>kubectl apply -k config/default</c> against the emulator (or
/// <c>EBOPS_TEST_KUBECONFIG</c>'s cluster), then <c>ebops run</c> started from what the API server holds for the
/// Deployment: the image's entrypoint with the container's args, and the container's env with the Downward API
/// resolved as the kubelet would. Added is only what a pod gets from its surroundings instead of this machine's: the
/// kubeconfig (for the in-cluster service account), the AWS endpoint and credentials (for the pod identity), the
/// simulator as the way to reach simulated names (for the cluster's DNS: <c>Release:ProbeProxy</c>), and a free
/// loopback port for /healthz, /readyz and /metrics (a pod has a network namespace of its own where the container port
/// is always free; the test checks that this port is the operator's default). config/samples must then become Ready.
/// </summary>
public sealed class DefaultInstallTests
{
    private const string SystemNamespace = "ebops-system";
    private const string DeploymentName = "ebops-controller";

    [Fact]
    public async Task The_operator_run_from_the_Deployment_of_config_default_makes_config_samples_Ready()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await EbopsStack.StartAsync(new StackOptions { StartOperator = false }, ct);
        (await stack.Kubectl.RunAsync("apply", "-k", RepoPaths.Config("default"))).EnsureSuccess("apply -k config/default");
        var container = await ContainerAsync(stack);
        var pod = $"{DeploymentName}-{Guid.NewGuid():N}"[..(DeploymentName.Length + 11)];
        var (commandLine, environment) = PodCommand(container, pod);

        environment["KUBECONFIG"] = stack.Kube.Kubeconfig;
        foreach (var (name, value) in stack.Aws.Environment)
        {
            // The Deployment's own settings (AWS_REGION) stay as they are.
            environment.TryAdd(name, value);
        }

        var port = container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "http")!;
        Assert.Equal(new OperatorOptions().MetricsPort, (int)port["containerPort"]!);
        environment["EBOPS_METRICS_PORT"] = "0";
        environment["EBOPS_METRICS_ADDRESS"] = "127.0.0.1";
        if (stack.Aws.Simulator is { } simulator)
        {
            // Simulated names (EB CNAMEs, load balancers) resolve only through the simulator, which stands in for the
            // cluster's DNS here; and the sample's first bundle is where the sample release points.
            environment["Release__ProbeProxy"] = simulator.Endpoint.ToString();
            DemoBundles.Seed(simulator.World.S3, "ebops-sandbox-bundles", "myapp/myapp-1.0.1.zip", "1.0.1", ["1.0.1"]);
        }

        var process = stack.StartOperatorCommand(commandLine, environment);

        await SampleSetup.ApplyAndWaitReadyAsync(stack);
        if (stack.Aws.IsSimulator)
        {
            // The first release, with the sample's own clocks (three gate rounds 15 s apart, a 60 s bake).
            await stack.WaitAsync("--for=condition=Ready", "bgr", "--all");
        }

        // The probes of the Deployment answer where the operator listens.
        using var http = new HttpClient { BaseAddress = await process.MetricsAsync(ct) };
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Equal("http", (string?)get["port"]);
            using var response = await http.GetAsync((string)get["path"]!, ct);
            Assert.True(response.IsSuccessStatusCode, $"{probe} {get["path"]}: {(int)response.StatusCode}");
        }

        // --leader-elect with POD_NAME and POD_NAMESPACE: the Lease in the Deployment's namespace, held by this pod.
        var lease = JsonNode.Parse((await stack.Kubectl.RunAsync("-n", SystemNamespace, "get", "lease", "ebops-leader", "-o", "json")).EnsureSuccess("get lease").StdOut)!;
        Assert.StartsWith(pod + "-", (string?)lease["spec"]!["holderIdentity"] ?? "", StringComparison.Ordinal);

        var leaks = await LeakScan.FindAsync(stack, SampleSetup.KnownPassword, ct);
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    private static async Task<JsonObject> ContainerAsync(EbopsStack stack)
    {
        var deployment = JsonNode.Parse((await stack.Kubectl.RunAsync("-n", SystemNamespace, "get", "deployment", DeploymentName, "-o", "json"))
            .EnsureSuccess("get the Deployment").StdOut)!;
        var containers = deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        return Assert.Single(containers, c => (string?)c!["name"] == "manager")!.AsObject();
    }

    /// <summary>
    /// The command line and environment the container gets: no <c>command</c> (the image's entrypoint runs the args),
    /// env values as written, and <c>fieldRef</c>s to the pod's name and namespace resolved. Anything else the test does
    /// not know how a kubelet would fill, so it fails rather than guess.
    /// </summary>
    private static (List<string> CommandLine, Dictionary<string, string> Environment) PodCommand(JsonObject container, string pod)
    {
        Assert.Null(container["command"]);
        Assert.Null(container["envFrom"]);
        var args = container["args"]!.AsArray().Select(a => (string)a!).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            var name = (string)variable!["name"]!;
            environment[name] = variable["valueFrom"]?["fieldRef"]?["fieldPath"] is { } field
                ? (string)field! switch
                {
                    "metadata.name" => pod,
                    "metadata.namespace" => SystemNamespace,
                    var other => throw new InvalidOperationException($"env {name}: fieldRef {other} is not resolved by this test"),
                }
                : variable["valueFrom"] is { } source
                    ? throw new InvalidOperationException($"env {name}: valueFrom {source.ToJsonString()} is not resolved by this test")
                    : (string?)variable["value"] ?? "";
        }

        return (args, environment);
    }
}
