using System.Collections.Concurrent;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>Counts the operator's requests by verb, leaving out list and watch (the informers' own traffic).</summary>
internal sealed class RequestCounter : DelegatingHandler
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Clear() => Requests.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = request.RequestUri!.Query;
        var isRead = request.Method == HttpMethod.Get;
        if (!(isRead && (query.Contains("watch=true", StringComparison.Ordinal) || query.Contains("limit=", StringComparison.Ordinal)
            || request.RequestUri.AbsolutePath.Contains("/leases", StringComparison.Ordinal))))
        {
            Requests.Enqueue($"{request.Method} {request.RequestUri.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
