using System.Collections.Concurrent;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// Workers send requests through an NLB listener while it is switched from blue to green after the first third and
/// blue's ALB retires its kept-alive connections after the second third.
/// <para>Each answer is classified by what the proxy can promise. One that COMPLETED before the switcher began was
/// accepted by the proxy before the switch, so blue answered it. One that STARTED after the switch opened its
/// connection after it, so (without keep-alive) green answers it. A request's sequence number or the phase it started
/// in says neither: a worker can take a number, stall, and connect after the switch.</para>
/// </summary>
internal sealed class SwitchUnderLoad(DataPlaneRig rig, NlbListenerProxy nlb, TargetGroupRuntime green, ClientMode mode, int workers, int totalRequests)
{
    private readonly TaskCompletionSource switchPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource retirePoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int sequence;
    private string phase = "before";
    private int switchStarted;

    /// <summary>Every answer: request number, phase it started in, whether it completed before the switch began, version.</summary>
    public ConcurrentQueue<(int Sequence, string Phase, bool CompletedBeforeSwitch, string Version)> Results { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>A client for the mode (HttpClient's pool is shared only with keep-alive).</summary>
    public static HttpClient Client(ClientMode mode)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = mode == ClientMode.NewConnectionPerRequest ? TimeSpan.Zero : Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler);
        if (mode == ClientMode.ConnectionClose)
        {
            client.DefaultRequestHeaders.ConnectionClose = true;
        }

        return client;
    }

    public async Task RunAsync(HttpClient shared, CancellationToken ct) =>
        await Task.WhenAll([.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkerAsync(shared, ct), ct)), SwitcherAsync()]);

    private async Task WorkerAsync(HttpClient shared, CancellationToken ct)
    {
        while (Interlocked.Increment(ref sequence) is var n && n <= totalRequests)
        {
            var startedIn = Volatile.Read(ref phase);
            try
            {
                // Without keep-alive every request gets a client of its own: a shared pool may hand a connection opened
                // for an earlier request to a later one, which would blur "connected after the switch".
                using var own = mode == ClientMode.KeepAlive ? null : Client(mode);
                var (version, _) = await DataPlaneRig.GetAsync(own ?? shared, nlb.Endpoint, ct);
                Results.Enqueue((n, startedIn, Interlocked.CompareExchange(ref switchStarted, 0, 0) == 0, version));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                Failures.Enqueue($"#{n} ({startedIn}): {ex.Message}");
            }

            if (n == totalRequests / 3)
            {
                switchPoint.TrySetResult();
            }
            else if (n == 2 * totalRequests / 3)
            {
                retirePoint.TrySetResult();
            }
        }
    }

    private async Task SwitcherAsync()
    {
        await switchPoint.Task;
        Interlocked.Exchange(ref switchStarted, 1);
        nlb.TargetGroup = green;
        Volatile.Write(ref phase, "switched");
        await retirePoint.Task;

        // Past ALB's client keep-alive duration (shortened in the rig so that no in-flight request outlives the ALB's
        // idle timeout when the fake clock jumps), blue's ALB closes each kept-alive connection gracefully after its next
        // response, so kept-alive clients reconnect through the NLB and land on green.
        rig.Time.Advance(DataPlaneRig.ClientKeepAlive);
        Volatile.Write(ref phase, "retired");
    }
}
