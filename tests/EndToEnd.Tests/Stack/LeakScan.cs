using System.Text;

namespace Ebops.EndToEnd.Tests.Stack;

/// <summary>
/// Looks for a secret (as written, and base64-encoded as Kubernetes would carry it) everywhere the operator speaks:
/// every line of its stdout and stderr (exception messages and stack traces included), every event in the namespace
/// (<c>kubectl get events</c>, both APIs), the status of every ebops object, and its /metrics (metric names and labels).
/// </summary>
internal static class LeakScan
{
    /// <summary>Where the secret showed up (empty: nowhere), one line per place.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(EbopsStack stack, string secret, CancellationToken cancellationToken)
    {
        var needles = new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) };
        var found = new List<string>();
        void Scan(string where, string text)
        {
            foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.Ordinal)))
            {
                found.Add($"{where} contains {(needle == secret ? "the secret" : "its base64")}");
            }
        }

        var operatorProcess = stack.Operator ?? throw new InvalidOperationException("the operator was not started");
        foreach (var (line, i) in operatorProcess.Lines.Select((l, i) => (l, i)))
        {
            Scan($"operator output line {i + 1}", line);
        }

        Scan("events (events.k8s.io/v1)", (await stack.KubectlAsync("get", "events.v1.events.k8s.io", "-o", "json")).EnsureSuccess("get events").StdOut);
        Scan("events (v1)", (await stack.KubectlAsync("get", "events", "-o", "json")).EnsureSuccess("get events").StdOut);
        var objects = await stack.GetJsonAsync(EbopsStack.Kinds);
        foreach (var item in objects["items"]!.AsArray())
        {
            Scan($"status of {item!["kind"]}/{item["metadata"]!["name"]}", item["status"]?.ToJsonString() ?? "");
        }

        using var http = new HttpClient { BaseAddress = await operatorProcess.MetricsAsync(cancellationToken) };
        Scan("/metrics", await http.GetStringAsync("/metrics", cancellationToken));
        return found;
    }
}
