using System.Globalization;
using System.Web;

namespace Ebops.EndToEnd.Tests.Runtime;

/// <summary>
/// Sits between the runtime and the API server: fails Widget watch requests while blocked (to open a gap in the
/// watch), and signals watch requests whose starting resourceVersion matches a condition.
/// </summary>
internal sealed class WatchGate : DelegatingHandler
{
    private readonly object gate = new();
    private TaskCompletionSource? refused;
    private (Func<long, bool> Match, TaskCompletionSource Seen)? from;

    /// <summary>Blocks Widget watches from now on; the task completes at the first refused one.</summary>
    public Task Block()
    {
        lock (gate)
        {
            refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return refused.Task;
        }
    }

    public void Unblock()
    {
        lock (gate)
        {
            refused = null;
        }
    }

    /// <summary>Completes when a Widget watch starts from a resourceVersion that satisfies <paramref name="match"/>.</summary>
    public Task WidgetWatchFrom(Func<long, bool> match)
    {
        lock (gate)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            from = (match, seen);
            return seen.Task;
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.AbsolutePath.EndsWith("/widgets", StringComparison.Ordinal) && uri.Query.Contains("watch=true", StringComparison.Ordinal))
        {
            lock (gate)
            {
                if (refused is not null)
                {
                    refused.TrySetResult();
                    throw new HttpRequestException("watch blocked by the test");
                }

                if (from is { } wanted && long.TryParse(HttpUtility.ParseQueryString(uri.Query)["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    && wanted.Match(version))
                {
                    wanted.Seen.TrySetResult();
                }
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
