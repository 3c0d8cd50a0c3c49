using Ebops.EndToEnd.Tests.Kube;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// One end-to-end run: a Kubernetes API (the emulator, or the cluster of <c>EBOPS_TEST_KUBECONFIG</c>) with the ebops
/// CRDs installed by the real kubectl, a namespace of the run's own, AWS (the simulator, or <c>EBOPS_TEST_AWS_ENDPOINT</c>)
/// and <c>ebops run</c> as a process watching that namespace. Against a real cluster, disposal deletes the run's ebops
/// objects while the operator still runs (so its finalizers clean AWS up), then the namespace.
/// </summary>
internal sealed class EbopsStack : IAsyncDisposable
{
    /// <summary>The kinds <c>kubectl get</c> and <c>kubectl delete</c> name.</summary>
    public const string Kinds = "rdsdatabases.ebops.io,beanstalkapps.ebops.io,nlbfrontends.ebops.io,bluegreenreleases.ebops.io";

    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(5);

    private readonly StackOptions options;

    private EbopsStack(KubeTarget kube, AwsUnderTest aws, Kubectl kubectl, string ns, StackOptions options)
    {
        Kube = kube;
        Aws = aws;
        Kubectl = kubectl;
        Namespace = ns;
        this.options = options;
    }

    public KubeTarget Kube { get; }

    public AwsUnderTest Aws { get; }

    public Kubectl Kubectl { get; }

    public string Namespace { get; }

    /// <summary>The operator process (null until started).</summary>
    public OperatorProcess? Operator { get; private set; }

    public static async Task<EbopsStack> StartAsync(StackOptions? options, CancellationToken cancellationToken)
    {
        options ??= new StackOptions();
        var kube = await KubeTarget.StartAsync();
        var aws = await AwsUnderTest.StartAsync(options.Simulator(), cancellationToken);
        var kubectl = new Kubectl(kube.Kubeconfig);
        await InstallCrdsAsync(kubectl);
        var ns = "e2e-" + Guid.NewGuid().ToString("N")[..10];
        (await kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess("create namespace");
        var stack = new EbopsStack(kube, aws, kubectl, ns, options);
        if (options.StartOperator)
        {
            stack.StartOperator();
        }

        return stack;
    }

    /// <summary>The ebops CRDs, installed with kubectl as a user would (<c>kubectl apply -k config/crds</c>), and established.</summary>
    public static async Task InstallCrdsAsync(Kubectl kubectl)
    {
        (await kubectl.RunAsync("apply", "-k", RepoPaths.Config("crds"))).EnsureSuccess("apply -k config/crds");
        (await kubectl.RunAsync(["wait", "--for=condition=Established", "--timeout=2m", "crd/rdsdatabases.ebops.io", "crd/beanstalkapps.ebops.io",
            "crd/nlbfrontends.ebops.io", "crd/bluegreenreleases.ebops.io"], null, WaitTimeout)).EnsureSuccess("wait for the CRDs");
    }

    /// <summary>Starts <c>ebops run</c> on the namespace (fast requeues when AWS is the in-process simulator).</summary>
    public OperatorProcess StartOperator(IReadOnlyList<string>? extraArgs = null)
    {
        var environment = new Dictionary<string, string>(Aws.Environment, StringComparer.Ordinal);
        if (Aws.IsSimulator)
        {
            // The simulator's lifecycles take a second, not minutes: look again as often.
            environment["Controllers__BusyRequeue"] = "00:00:00.500";
            environment["Controllers__DependencyRequeue"] = "00:00:01";
            // The gate's http checks reach green's simulated CNAME through the simulator's proxy, as in the sandbox.
            environment["Release__ProbeProxy"] = Aws.Simulator!.Endpoint.ToString();
        }

        foreach (var (name, value) in options.OperatorEnvironment)
        {
            environment[name] = value;
        }

        string[] args = ["--kubeconfig", Kube.Kubeconfig, "--namespace", Namespace, "--metrics-port", "0", "--metrics-address", "127.0.0.1",
            .. options.OperatorArgs, .. extraArgs ?? []];
        Operator = OperatorProcess.Start(args, environment);
        return Operator;
    }

    /// <summary>
    /// Starts the operator with exactly <paramref name="commandLine"/> (the verb first) and <paramref name="environment"/>:
    /// none of the stack's own flags, namespace or requeue settings.
    /// </summary>
    public OperatorProcess StartOperatorCommand(IReadOnlyList<string> commandLine, IReadOnlyDictionary<string, string> environment)
    {
        Operator = OperatorProcess.StartCommand(commandLine, environment);
        return Operator;
    }

    /// <summary>kubectl in the run's namespace.</summary>
    public Task<KubectlResult> KubectlAsync(params string[] args) => Kubectl.RunAsync(["-n", Namespace, .. args]);

    /// <summary>kubectl in the run's namespace, with stdin.</summary>
    public Task<KubectlResult> KubectlWithInputAsync(string stdin, params string[] args) => Kubectl.RunAsync(["-n", Namespace, .. args], stdin);

    /// <summary><c>kubectl wait</c> in the run's namespace (its own timeout only guards against a hang).</summary>
    public async Task WaitAsync(params string[] args)
    {
        var result = await Kubectl.RunAsync(["-n", Namespace, "wait", "--timeout=4m", .. args], null, WaitTimeout);
        Assert.True(result.ExitCode == 0, $"kubectl wait {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StdErr}\n{result.StdOut}\n"
            + $"--- objects:\n{(await KubectlAsync("get", Kinds, "-o", "yaml")).StdOut}\n--- operator:\n{Operator?.Output}");
    }

    /// <summary>An object as JSON (<c>kubectl get -o json</c>).</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> GetJsonAsync(params string[] what)
    {
        var result = (await KubectlAsync(["get", .. what, "-o", "json"])).EnsureSuccess("get " + string.Join(' ', what));
        return System.Text.Json.Nodes.JsonNode.Parse(result.StdOut)!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Kube.IsRealCluster)
            {
                await CleanUpRealClusterAsync();
            }
        }
        finally
        {
            if (Operator is not null)
            {
                await Operator.DisposeAsync();
            }

            Kubectl.Dispose();
            await Aws.DisposeAsync();
            await Kube.DisposeAsync();
        }
    }

    private async Task CleanUpRealClusterAsync()
    {
        // With the operator still running its finalizers delete what the run created in AWS; whatever is left (the
        // operator stopped, or an object stalled on purpose) loses its finalizers so the namespace can go.
        if (Operator is { HasExited: false })
        {
            await Kubectl.RunAsync(["-n", Namespace, "delete", Kinds, "--all", "--timeout=3m"], null, WaitTimeout);
        }

        var left = await KubectlAsync("get", Kinds, "-o", "name");
        foreach (var name in left.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await KubectlAsync("patch", name, "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}");
        }

        await Kubectl.RunAsync("delete", "namespace", Namespace, "--wait=false", "--ignore-not-found");
    }
}
