using System.Globalization;
using System.Net;

namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>
/// The gate's HTTP GET (a singleton holding one client). Requests go through <see cref="ReleaseSettings.ProbeProxy"/>
/// when it is set. No redirects are followed: a 3xx is an answer to judge against the expected codes.
/// </summary>
internal sealed class HttpProbe : IDisposable
{
    private readonly HttpClient client;
    private readonly TimeProvider time;

    public HttpProbe(Microsoft.Extensions.Options.IOptions<ReleaseSettings> settings, TimeProvider time)
    {
        this.time = time;
        var proxy = settings.Value.ProbeProxy;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = !string.IsNullOrWhiteSpace(proxy),
            Proxy = string.IsNullOrWhiteSpace(proxy) ? null : new WebProxy(new Uri(proxy)),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            // Per-request timeouts below; this only stops the client's own default from cutting a slower gate short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// GETs <paramref name="url"/> and says whether its status is one of the expected codes (<c>200</c>,
    /// <c>200,302</c>, <c>200-399</c>) and, when one is expected, its body contains the expected text, with evidence.
    /// No answer within <paramref name="timeout"/>, a refused or reset connection are failures of green, not of the
    /// measurement.
    /// </summary>
    public async Task<(bool Passed, string Evidence)> GetAsync(Uri url, HttpExpectation expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A real socket is guarded by real time (the injected clock may be a test's, which does not move by itself).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = time.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (!Matches(code, expected.Status))
            {
                return (false, $"HTTP {code} (expected {expected.Status})");
            }

            if (expected.Body is { Length: > 0 } text && !(await BodyStartAsync(response, deadline.Token).ConfigureAwait(false)).Contains(text, StringComparison.Ordinal))
            {
                return (false, $"HTTP {code}, body without \"{text}\"");
            }

            var elapsed = time.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            return (true, $"HTTP {code} in {elapsed} ms");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return (false, e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or reset" : $"request failed ({e.HttpRequestError})");
        }
    }

    private static async Task<string> BodyStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    /// <summary>True when <paramref name="code"/> is in <paramref name="expected"/>: codes and ranges separated by commas.</summary>
    public static bool Matches(int code, string expected)
    {
        foreach (var part in expected.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var low = int.Parse(dash < 0 ? part : part[..dash], CultureInfo.InvariantCulture);
            var high = dash < 0 ? low : int.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture);
            if (code >= low && code <= high)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => client.Dispose();
}
