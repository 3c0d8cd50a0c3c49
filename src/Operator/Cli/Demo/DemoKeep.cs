using System.Net;

namespace Ebops.Operator.Cli.Demo;

/// <summary>
/// <c>--keep</c>: what stays running after the report and how to reach it: the kubeconfig, the simulator's AWS_*
/// lines, the NLB's name, static IPs and loopback port, and commands to try.
/// </summary>
internal static class DemoKeep
{
    public static IReadOnlyList<string> Lines(DemoSandbox sandbox, DemoResult result, string releaseName, string nextLabel, string nextPatch)
    {
        var frontend = result.Final.Frontend?.Status;
        var lines = new List<string>
        {
            "== Still running until Ctrl-C (the emulator, the simulator and the operator). In another terminal:",
            $"export KUBECONFIG={sandbox.Kubeconfig}",
        };
        lines.AddRange(sandbox.Aws.EnvironmentLines().Select(l => "export " + l));
        lines.Add($"# NLB {frontend?.DnsName}, static IPs {string.Join(", ", frontend?.StaticIps ?? [])}, reachable on {Url(result.FrontendEndpoint)}");
        lines.Add("kubectl get bgr -w");
        lines.Add($"kubectl patch bgr {releaseName} --type merge -p '{nextPatch}'   # release {nextLabel} (its bundle is in S3)");
        lines.Add($"kubectl ebops status {releaseName}               # the plugin verbs: promote, abort, retry, rollback, status");
        lines.Add($"curl -s {Url(result.FrontendEndpoint)}                    # the NLB's listener on loopback");
        if (frontend?.DnsName is { } dns)
        {
            lines.Add($"curl -s -x $AWS_ENDPOINT_URL http://{dns}/   # the same by its DNS name, through the simulator's probe proxy");
        }

        return lines;
    }

    private static string Url(IPEndPoint? endpoint) => endpoint is null ? "(no listener)" : $"http://{endpoint}/";
}
