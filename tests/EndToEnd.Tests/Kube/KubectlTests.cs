using System.Text.RegularExpressions;
using Ebops.Tests.Shared;

namespace Ebops.EndToEnd.Tests.Kube;

/// <summary>The real kubectl against the emulator (or EBOPS_TEST_KUBECONFIG's cluster).</summary>
public sealed partial class KubectlTests(KubeTarget target)
{
    private async Task<TestNamespace> NamespaceAsync() =>
        new(await target.CreateNamespaceAsync("e2e", TestContext.Current.CancellationToken), new Kubectl(target.Kubeconfig));

    /// <summary>A namespace, with the Widget CRD installed through kubectl (idempotent) and established.</summary>
    private async Task<TestNamespace> NamespaceWithWidgetsAsync()
    {
        var ns = await NamespaceAsync();
        (await ns.Kubectl.RunAsync(["apply", "-f", "-"], Widget.Crd)).EnsureSuccess("apply widget CRD");
        (await ns.Kubectl.RunAsync("wait", "--for", "condition=established", "--timeout=60s", "crd/widgets.test.ebops.io")).EnsureSuccess("wait established");
        return ns;
    }

    private static string[] Words(string line) => WhitespaceRuns().Split(line.Trim());

    [Fact]
    public async Task Apply_then_get_prints_the_crd_printer_columns()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");

        var get = (await ns.RunAsync("get", "widgets")).EnsureSuccess("get");
        var lines = get.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "SIZE", "READY", "AGE"], Words(lines[0]));
        Assert.Equal(["w1", "3"], Words(lines[1])[..2]);

        var wide = (await ns.RunAsync("get", "wdg", "-o", "wide")).EnsureSuccess("get -o wide");
        var wideLines = wide.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "SIZE", "READY", "COLOR", "AGE"], Words(wideLines[0]));
        Assert.Contains("blue", Words(wideLines[1]));
    }

    [Fact]
    public async Task Get_yaml_shows_server_fields_and_explain_reads_the_schema()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");
        var yaml = (await ns.RunAsync("get", "widget", "w1", "-o", "yaml")).EnsureSuccess("get -o yaml").StdOut;
        Assert.Contains("generation: 1", yaml, StringComparison.Ordinal);
        Assert.Matches("uid: [0-9a-f-]{36}", yaml);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml, StringComparison.Ordinal);
        Assert.Contains("color: blue", yaml, StringComparison.Ordinal);

        var explain = (await ns.RunAsync("explain", "widgets.spec")).EnsureSuccess("explain").StdOut;
        Assert.Contains("How big the widget is.", explain, StringComparison.Ordinal);
        Assert.Contains("size", explain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_apply_changes_a_field_and_bumps_the_generation()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");
        var second = (await ns.RunWithInputAsync(Widget.Manifest("w1", 5, "red"), "apply", "-f", "-")).EnsureSuccess("re-apply");
        Assert.Contains("configured", second.StdOut, StringComparison.Ordinal);
        var values = (await ns.RunAsync("get", "widget", "w1", "-o", "jsonpath={.spec.size} {.spec.color} {.metadata.generation}")).EnsureSuccess("get").StdOut;
        Assert.Equal("5 red 2", values);
        var unchanged = (await ns.RunWithInputAsync(Widget.Manifest("w1", 5, "red"), "apply", "-f", "-")).EnsureSuccess("same apply");
        Assert.Contains("unchanged", unchanged.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_side_apply_creates_then_updates()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        var created = (await ns.RunWithInputAsync(Widget.Manifest("w1", 2), "apply", "--server-side", "-f", "-")).EnsureSuccess("apply --server-side");
        Assert.Contains("serverside-applied", created.StdOut, StringComparison.Ordinal);
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 7, "red"), "apply", "--server-side", "-f", "-")).EnsureSuccess("apply --server-side again");
        Assert.Equal("7 red", (await ns.RunAsync("get", "widget", "w1", "-o", "jsonpath={.spec.size} {.spec.color}")).StdOut);

        // Dropping a field from the applied configuration removes it (and the schema default comes back).
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 7), "apply", "--server-side", "-f", "-")).EnsureSuccess("apply without color");
        Assert.Equal("7 blue", (await ns.RunAsync("get", "widget", "w1", "-o", "jsonpath={.spec.size} {.spec.color}")).StdOut);

        var conflict = await ns.RunWithInputAsync(Widget.Manifest("w1", 8), "apply", "--server-side", "--field-manager=other", "-f", "-");
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("conflict", conflict.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".spec.size", conflict.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_patch_changes_the_spec()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");
        (await ns.RunAsync("patch", "widget", "w1", "--type=merge", "-p", """{"spec":{"size":9}}""")).EnsureSuccess("patch");
        Assert.Equal("9 2", (await ns.RunAsync("get", "widget", "w1", "-o", "jsonpath={.spec.size} {.metadata.generation}")).StdOut);
    }

    [Fact]
    public async Task Delete_waits_for_the_finalizer()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");
        (await ns.RunAsync("patch", "widget", "w1", "--type=merge", "-p", """{"metadata":{"finalizers":["e2e.ebops.io/hold"]}}""")).EnsureSuccess("add finalizer");
        (await ns.RunAsync("delete", "widget", "w1", "--wait=false")).EnsureSuccess("delete");
        var deleting = (await ns.RunAsync("get", "widget", "w1", "-o", "jsonpath={.metadata.deletionTimestamp}")).EnsureSuccess("get deleting");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT", deleting.StdOut);

        (await ns.RunAsync("patch", "widget", "w1", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""")).EnsureSuccess("remove finalizer");
        (await ns.RunAsync("wait", "--for=delete", "widget/w1", "--timeout=30s")).EnsureSuccess("wait for delete");
        var gone = await ns.RunAsync("get", "widget", "w1");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_for_ready_returns_once_the_status_condition_is_true()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        (await ns.RunWithInputAsync(Widget.Manifest("w1", 3), "apply", "-f", "-")).EnsureSuccess("apply");
        var wait = ns.RunAsync("wait", "--for=condition=Ready", "widget/w1", "--timeout=60s");
        // Stands in for a controller: the status subresource gets Ready=True while kubectl is waiting.
        (await ns.RunAsync("patch", "widget", "w1", "--subresource=status", "--type=merge",
            "-p", """{"status":{"conditions":[{"type":"Ready","status":"True","reason":"Done","message":"ok"}]}}""")).EnsureSuccess("patch status");
        var waited = (await wait).EnsureSuccess("wait");
        Assert.Contains("condition met", waited.StdOut, StringComparison.Ordinal);
        var get = (await ns.RunAsync("get", "widget", "w1")).StdOut.Split('\n')[1];
        Assert.Equal("True", Words(get)[2]);
    }

    [Fact]
    public async Task Invalid_manifest_is_rejected_with_the_field_named()
    {
        await using var ns = await NamespaceWithWidgetsAsync();
        var invalid = await ns.RunWithInputAsync(Widget.Manifest("w1", 0), "apply", "-f", "-");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("spec.size", invalid.StdErr, StringComparison.Ordinal);
        Assert.Contains("is invalid", invalid.StdErr, StringComparison.Ordinal);

        var unknown = await ns.RunWithInputAsync(Widget.Manifest("w2", 1) + "  bogus: true\n", "apply", "-f", "-");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown field \"spec.bogus\"", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_create_commands_work()
    {
        await using var ns = await NamespaceAsync();
        (await ns.RunAsync("create", "secret", "generic", "db", "--from-literal=password=s3cret")).EnsureSuccess("create secret");
        (await ns.RunAsync("create", "configmap", "settings", "--from-literal=tz=Asia/Seoul")).EnsureSuccess("create configmap");
        Assert.Equal("Opaque", (await ns.RunAsync("get", "secret", "db", "-o", "jsonpath={.type}")).StdOut);
        Assert.Equal("Asia/Seoul", (await ns.RunAsync("get", "configmap", "settings", "-o", "jsonpath={.data.tz}")).StdOut);
        var secrets = (await ns.RunAsync("get", "secret", "db")).EnsureSuccess("get secret").StdOut.Split('\n');
        Assert.Equal(["NAME", "TYPE", "DATA", "AGE"], Words(secrets[0]));
    }

    [Fact]
    public async Task Ebops_crds_and_samples_install_with_kustomize_and_get_prints_their_columns()
    {
        await using var ns = await NamespaceAsync();
        (await ns.Kubectl.RunAsync("apply", "-k", RepoPaths.Config("crds"))).EnsureSuccess("apply -k config/crds");
        (await ns.Kubectl.RunAsync("wait", "--for", "condition=established", "--timeout=60s",
            "crd/bluegreenreleases.ebops.io", "crd/beanstalkapps.ebops.io", "crd/nlbfrontends.ebops.io", "crd/rdsdatabases.ebops.io")).EnsureSuccess("wait");
        var applied = (await ns.RunAsync("apply", "-k", RepoPaths.Config("samples"))).EnsureSuccess("apply -k config/samples");
        Assert.Equal(4, applied.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(" created", StringComparison.Ordinal)));

        var all = (await ns.RunAsync("get", "ebops")).EnsureSuccess("get ebops").StdOut;
        foreach (var kind in new[] { "beanstalkapp.ebops.io/", "bluegreenrelease.ebops.io/", "nlbfrontend.ebops.io/", "rdsdatabase.ebops.io/" })
        {
            Assert.Contains(kind, all, StringComparison.Ordinal);
        }
        var header = Words((await ns.RunAsync("get", "bgr")).EnsureSuccess("get bgr").StdOut.Split('\n')[0]);
        Assert.Equal(["NAME", "PHASE", "STABLE", "CANDIDATE", "ACTIVE", "GATE", "TRAFFIC", "READY", "AGE"], header);
        var explain = (await ns.RunAsync("explain", "bgr.spec.version")).EnsureSuccess("explain bgr").StdOut;
        Assert.Contains("sourceBundle", explain, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex WhitespaceRuns();
}
