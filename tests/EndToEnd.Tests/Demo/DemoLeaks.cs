using System.Text.Json.Nodes;
using Ebops.EndToEnd.Tests.Kube;
using Ebops.EndToEnd.Tests.Stack;
using Ebops.Operator.Cli.Demo;

namespace Ebops.EndToEnd.Tests.Demo;

/// <summary>
/// <see cref="LeakScan"/> over a demo: what the demo printed, every line of its log (the operator's, the emulator's
/// and the simulator's), every event in every namespace (both APIs, through kubectl), the status of every ebops object
/// and the operator's /metrics.
/// </summary>
internal static class DemoLeaks
{
    public static async Task<IReadOnlyList<string>> FindAsync(DemoSandbox sandbox, string secret, IEnumerable<(string Where, string Text)> printed,
        CancellationToken cancellationToken)
    {
        var places = printed.ToList();
        places.AddRange(LogLines(sandbox.Log.Path).Select((line, i) => ($"{Path.GetFileName(sandbox.Log.Path)} line {i + 1}", line)));
        using var kubectl = new Kubectl(sandbox.Kubeconfig);
        places.Add(("events (events.k8s.io/v1)", (await kubectl.RunAsync("get", "events.v1.events.k8s.io", "-A", "-o", "json")).EnsureSuccess("get events").StdOut));
        places.Add(("events (v1)", (await kubectl.RunAsync("get", "events", "-A", "-o", "json")).EnsureSuccess("get events").StdOut));
        var objects = JsonNode.Parse((await kubectl.RunAsync("get", EbopsStack.Kinds, "-A", "-o", "json")).EnsureSuccess("get the ebops objects").StdOut)!;
        Assert.NotEmpty(objects["items"]!.AsArray());
        places.AddRange(LeakScan.Statuses(objects));
        using var http = new HttpClient { BaseAddress = sandbox.OperatorMetrics ?? throw new InvalidOperationException("the operator did not start") };
        places.Add(("/metrics", await http.GetStringAsync("/metrics", cancellationToken)));
        return LeakScan.FindIn(secret, places);
    }

    /// <summary>The log's lines so far (the demo still has it open for writing).</summary>
    private static List<string> LogLines(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        Assert.NotEmpty(lines);
        return lines;
    }
}
