using System.Collections.Concurrent;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>
/// The zero-downtime property the whole project rests on: a client loop through the NLB port while the listener is
/// switched from blue's alb-type target group to green's sees no failed request, and answers move from 1.0.0 to 1.0.1.
/// </summary>
public sealed class NlbListenerProxyTests
{
    private const int Workers = 4;
    private const int TotalRequests = 600;

    public enum ClientMode
    {
        KeepAlive,
        NewConnectionPerRequest,
        ConnectionClose,
    }

    [Theory]
    [InlineData(ClientMode.KeepAlive)]
    [InlineData(ClientMode.NewConnectionPerRequest)]
    [InlineData(ClientMode.ConnectionClose)]
    public async Task Switching_the_listener_from_blue_to_green_fails_no_request(ClientMode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (blueAlb, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (greenAlb, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy());
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        nlb.TargetGroup = blueAlbGroup;
        TargetGroupRuntime[] all = [blueInstances, greenInstances, blueAlbGroup, greenAlbGroup];
        await rig.TickAsync(all);
        await rig.TickAsync(all);
        Assert.All(all.SelectMany(g => g.Describe()), h => Assert.Equal("healthy", h.State));

        // Classification follows what the proxy can promise. A request that COMPLETED before the switcher began was
        // accepted by the proxy before the switch, so blue answered it. A request that STARTED after the switch opened
        // its connection after it, so (without keep-alive) green answers it. A request's sequence number or the phase
        // it started in says neither: a worker can take a number, stall, and connect after the switch.
        using var shared = CreateClient(mode);
        var results = new ConcurrentQueue<(int Sequence, string Phase, bool CompletedBeforeSwitch, string Version)>();
        var failures = new ConcurrentQueue<string>();
        var sequence = 0;
        var phase = "before";
        var switchStarted = 0;
        var switchPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var retirePoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WorkerAsync()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref sequence);
                if (n > TotalRequests)
                {
                    return;
                }

                var startedIn = Volatile.Read(ref phase);
                try
                {
                    // Without keep-alive every request gets a client of its own: a shared pool may hand a connection
                    // opened for an earlier request to a later one, which would blur "connected after the switch".
                    using var own = mode == ClientMode.KeepAlive ? null : CreateClient(mode);
                    var (version, _) = await DataPlaneRig.GetAsync(own ?? shared, nlb.Endpoint, ct);
                    results.Enqueue((n, startedIn, Interlocked.CompareExchange(ref switchStarted, 0, 0) == 0, version));
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
                {
                    failures.Enqueue($"#{n} ({startedIn}): {ex.Message}");
                }

                if (n == TotalRequests / 3)
                {
                    switchPoint.TrySetResult();
                }
                else if (n == 2 * TotalRequests / 3)
                {
                    retirePoint.TrySetResult();
                }
            }
        }

        async Task SwitcherAsync()
        {
            await switchPoint.Task;
            Interlocked.Exchange(ref switchStarted, 1);
            nlb.TargetGroup = greenAlbGroup;
            Volatile.Write(ref phase, "switched");
            await retirePoint.Task;

            // Past ALB's client keep-alive duration (shortened in the rig so that no in-flight request outlives the
            // ALB's idle timeout when the fake clock jumps), blue's ALB closes each kept-alive connection gracefully after its
            // next response, so kept-alive clients reconnect through the NLB and land on green.
            rig.Time.Advance(DataPlaneRig.ClientKeepAlive);
            Volatile.Write(ref phase, "retired");
        }

        await Task.WhenAll([.. Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkerAsync, ct)), SwitcherAsync()]);

        Assert.Empty(failures);
        Assert.Equal(TotalRequests, results.Count);

        // The request that triggered the switch completed before it; everything that did was answered by blue.
        Assert.Contains(results, r => r.Sequence == TotalRequests / 3 && r.CompletedBeforeSwitch);
        Assert.All(results.Where(r => r.CompletedBeforeSwitch), r => Assert.Equal("1.0.0", r.Version));

        // After the retirement point each old connection to blue's ALB answers at most once more (with Connection: close).
        Assert.True(results.Count(r => r.Phase == "retired" && r.Version == "1.0.0") <= blueAlb.AcceptedConnections);
        Assert.Contains(results, r => r.Phase == "retired" && r.Version == "1.0.1");
        if (mode != ClientMode.KeepAlive)
        {
            // New connections after the switch go to green at once: the switch is atomic for new connections.
            Assert.All(results.Where(r => r.Phase != "before"), r => Assert.Equal("1.0.1", r.Version));
        }

        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(shared, nlb.Endpoint, ct)).Version);
        Assert.Equal(0, blueAlb.Counters.Status5xx + greenAlb.Counters.Status5xx);
        Assert.Equal(0, nlb.RejectedConnections);
    }

    [Fact]
    public async Task Kept_alive_connection_opened_before_the_switch_stays_on_blue_until_closed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = new DataPlaneRig();
        var (_, blueInstances, blueAlbGroup) = rig.Environment("blue", "1.0.0");
        var (_, greenInstances, greenAlbGroup) = rig.Environment("green", "1.0.1");
        var nlb = rig.Own(new NlbListenerProxy());
        blueAlbGroup.InUse = true;
        greenAlbGroup.InUse = true;
        nlb.TargetGroup = blueAlbGroup;
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);
        await rig.TickAsync(blueInstances, greenInstances, blueAlbGroup, greenAlbGroup);

        using var keptAlive = CreateClient(ClientMode.KeepAlive);
        Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        nlb.TargetGroup = greenAlbGroup;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        }

        using var fresh = CreateClient(ClientMode.NewConnectionPerRequest);
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(fresh, nlb.Endpoint, ct)).Version);

        rig.Time.Advance(DataPlaneRig.ClientKeepAlive);
        Assert.Equal("1.0.0", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
        Assert.Equal("1.0.1", (await DataPlaneRig.GetAsync(keptAlive, nlb.Endpoint, ct)).Version);
    }

    [Fact]
    public async Task Listener_without_a_reachable_target_resets_new_connections()
    {
        await using var rig = new DataPlaneRig();
        var nlb = rig.Own(new NlbListenerProxy());
        using var client = CreateClient(ClientMode.NewConnectionPerRequest);
        // SocketsHttpHandler surfaces a connection reset at connect time as HttpRequestException or SocketException.
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(new Uri($"http://{nlb.Endpoint}/"), TestContext.Current.CancellationToken));
        Assert.Equal(1, nlb.RejectedConnections);
    }

    private static HttpClient CreateClient(ClientMode mode)
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
}
