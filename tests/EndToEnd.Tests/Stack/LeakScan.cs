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
        var operatorProcess = stack.Operator ?? throw new InvalidOperationException("the operator was not started");
        var places = operatorProcess.Lines.Select((line, i) => ($"operator output line {i + 1}", line)).ToList();
        places.Add(("events (events.k8s.io/v1)", (await stack.KubectlAsync("get", "events.v1.events.k8s.io", "-o", "json")).EnsureSuccess("get events").StdOut));
        places.Add(("events (v1)", (await stack.KubectlAsync("get", "events", "-o", "json")).EnsureSuccess("get events").StdOut));
        var objects = await stack.GetJsonAsync(EbopsStack.Kinds);
        places.AddRange(Statuses(objects));
        using var http = new HttpClient { BaseAddress = await operatorProcess.MetricsAsync(cancellationToken) };
        places.Add(("/metrics", await http.GetStringAsync("/metrics", cancellationToken)));
        return FindIn(secret, places);
    }

    /// <summary>The status of every object of a <c>kubectl get -o json</c> list, each as a place.</summary>
    public static IEnumerable<(string Where, string Text)> Statuses(System.Text.Json.Nodes.JsonNode list) =>
        list["items"]!.AsArray().Select(item => ($"status of {item!["kind"]}/{item["metadata"]!["name"]}", item["status"]?.ToJsonString() ?? ""));

    /// <summary>Where <paramref name="secret"/> or its base64 shows up among <paramref name="places"/>, one line per hit.</summary>
    public static IReadOnlyList<string> FindIn(string secret, IEnumerable<(string Where, string Text)> places)
    {
        var needles = new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) };
        return [.. places.SelectMany(p => needles.Where(n => p.Text.Contains(n, StringComparison.Ordinal))
            .Select(n => $"{p.Where} contains {(n == secret ? "the secret" : "its base64")}"))];
    }
}
