using System.Collections.Concurrent;

namespace Ebops.Bench.Runtime;

/// <summary>Counts the operator's API requests by verb and kind of call.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private int statusPatches;

    public ConcurrentDictionary<string, int> ByCall { get; } = new();

    public int StatusPatches => Volatile.Read(ref statusPatches);

    public int Total => ByCall.Values.Sum();

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
