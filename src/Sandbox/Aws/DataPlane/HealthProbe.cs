using System.Net;
using System.Net.Sockets;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// One health check against a target, as ELB's checker does it: a TCP connect, or an HTTP GET of the path whose status
/// must match the matcher, each within the check's timeout on the simulated clock. A fresh connection per check, as a
/// checker opening a connection per probe would (so a refusing instance is noticed at once instead of hiding behind a
/// pooled connection).
/// </summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly TimeProvider time;
    private readonly HttpClient checker;

    public HealthProbe(TimeProvider time)
    {
        this.time = time;
        checker = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        checker.DefaultRequestHeaders.UserAgent.ParseAdd("ELB-HealthChecker/2.0");
    }

    public async Task<HealthCheckResult> CheckAsync(IPEndPoint endpoint, HealthCheckSettings settings, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(settings.Timeout <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop);
        try
        {
            if (string.Equals(settings.Protocol, "TCP", StringComparison.OrdinalIgnoreCase))
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(endpoint, linked.Token).ConfigureAwait(false);
                return HealthCheckResult.Success;
            }

            var path = string.IsNullOrEmpty(settings.Path) ? "/" : settings.Path;
            using var response = await checker.GetAsync(new Uri($"http://{endpoint}{path}"), HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return settings.Matches(code)
                ? HealthCheckResult.Success
                : new HealthCheckResult(false, TargetHealthStates.ResponseCodeMismatch, $"Health checks failed with these codes: [{code}]");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new HealthCheckResult(false, TargetHealthStates.Timeout, TargetHealthStates.TimeoutDescription);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException)
        {
            return new HealthCheckResult(false, TargetHealthStates.FailedHealthChecks, TargetHealthStates.FailedHealthChecksDescription);
        }
    }

    public void Dispose() => checker.Dispose();
}
