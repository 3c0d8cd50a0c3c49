using System.Collections.Concurrent;

namespace Ebops.Bench.Runtime;

/// <summary>Counts the operator's API requests by verb and kind of call.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private int statusPatches;

    public ConcurrentDictionary<string, int> ByCall { get; } = new();

    public int StatusPatches => Volatile.Read(ref statusPatches);

    public int Total => ByCall.Values.Sum();

    public Dictionary<string, int> Snapshot() => new(ByCall);

    /// <summary>What <paramref name="later"/> counted beyond <paramref name="earlier"/>.</summary>
    public static Dictionary<string, int> Minus(IReadOnlyDictionary<string, int> later, IReadOnlyDictionary<string, int> earlier) =>
        later.Select(p => (p.Key, Count: p.Value - earlier.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count);

    /// <summary>Requests per object, leaving out LIST and WATCH (the informers' own traffic, not per reconcile).</summary>
    public static double PerObject(IReadOnlyDictionary<string, int> calls, int objects) =>
        (double)calls.Where(p => p.Key is not "LIST" and not "WATCH").Sum(p => p.Value) / objects;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = uri.Query;
        var call = request.Method.Method switch
        {
            "GET" when query.Contains("watch=true", StringComparison.Ordinal) => "WATCH",
            "GET" when query.Contains("limit=", StringComparison.Ordinal) => "LIST",
            "GET" => uri.AbsolutePath.Contains("/leases", StringComparison.Ordinal) ? "GET lease" : "GET",
            "PATCH" when uri.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) => "PATCH status",
            "PATCH" when uri.AbsolutePath.Contains("/events", StringComparison.Ordinal) => "PATCH event",
            "POST" when uri.AbsolutePath.Contains("/events", StringComparison.Ordinal) => "POST event",
            var m => m,
        };
        ByCall.AddOrUpdate(call, 1, (_, n) => n + 1);
        if (call == "PATCH status")
        {
            Interlocked.Increment(ref statusPatches);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
