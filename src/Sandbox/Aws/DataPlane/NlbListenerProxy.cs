using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// A Network Load Balancer TCP listener: a TCP proxy on a stable 127.0.0.1 port (fixed for the listener's lifetime)
/// that forwards each NEW connection to a target of a target group of the listener's forward, chosen when the
/// connection is accepted: by weight (a seeded random draw; weight 0 is never chosen), or the group chosen before for
/// the same source address while target group stickiness holds. Connections already open stay on their old target
/// until either side closes them, as on AWS, or until their target's deregistration ends in a group with
/// <c>deregistration_delay.connection_termination.enabled</c>; switching the forward (<see cref="Forward"/>) is one atomic reference
/// write, so every new connection after it follows the new weights. Bytes are copied both ways with async socket I/O
/// (no thread per connection); a FIN from one side is passed on as a half-close, a reset as a reset.
/// </summary>
public sealed class NlbListenerProxy : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly Socket listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<Socket, byte> sockets = new();
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly Task acceptLoop;
    private readonly ForwardChooser chooser;
    private WeightedForward? forward;
    private long accepted;
    private long rejected;
    private int disposed;

    /// <param name="port">The listener's loopback port; 0 for an ephemeral one (tests).</param>
    /// <param name="seed">Seed of the weighted choice among target groups (null: random).</param>
    /// <param name="time">Clock for target group stickiness.</param>
    public NlbListenerProxy(int port = 0, int? seed = null, TimeProvider? time = null)
    {
        chooser = new ForwardChooser(seed, time ?? TimeProvider.System);
        listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(1024);
        Endpoint = (IPEndPoint)listener.LocalEndPoint!;
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The stable loopback endpoint standing in for the NLB's static IPs on this listener's port.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The target groups new connections go to, by weight (null: new connections are reset).</summary>
    public WeightedForward? Forward
    {
        get => Volatile.Read(ref forward);
        set => Volatile.Write(ref forward, value);
    }

    /// <summary>
    /// A forward to one target group: setting it replaces <see cref="Forward"/>; reading it gives the only group of a
    /// single-group forward, else null.
    /// </summary>
    public TargetGroupRuntime? TargetGroup
    {
        get => Forward is { Groups: [var only] } ? only.Group : null;
        set => Forward = value is null ? null : WeightedForward.Single(value);
    }

    /// <summary>Connections accepted and forwarded so far.</summary>
    public long AcceptedConnections => Interlocked.Read(ref accepted);

    /// <summary>Connections reset because no target was available or the target refused.</summary>
    public long RejectedConnections => Interlocked.Read(ref rejected);

    /// <summary>Connections currently open through the listener.</summary>
    public int ActiveConnections => connections.Count;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        foreach (var socket in sockets.Keys)
        {
            LoopbackHttpServer.Abort(socket);
        }

        try
        {
            await acceptLoop.ConfigureAwait(false);
            await Task.WhenAll(connections.Keys).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Connections end with their sockets; nothing to report.
        }

        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            // The forward is read once, at accept: that is the moment a connection is bound to a group.
            var group = chooser.Choose(Forward, (client.RemoteEndPoint as IPEndPoint)?.Address);
            var target = group?.PickEndpoint();
            if (group is null || target is null)
            {
                Interlocked.Increment(ref rejected);
                LoopbackHttpServer.Abort(client);
                continue;
            }

            client.NoDelay = true;
            var connection = ForwardAsync(client, group, target);
            connections[connection] = 0;
            _ = connection.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ForwardAsync(Socket client, TargetGroupRuntime group, IPEndPoint target)
    {
        await Task.Yield();
        sockets[client] = 0;
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        sockets[upstream] = 0;

        // The group closes the connection when the target's deregistration ends with connection termination on.
        using var tracked = group.Connections.Track(target, () =>
        {
            LoopbackHttpServer.Abort(client);
            LoopbackHttpServer.Abort(upstream);
        });
        try
        {
            try
            {
                await upstream.ConnectAsync(target, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                Interlocked.Increment(ref rejected);
                LoopbackHttpServer.Abort(client);
                return;
            }

            Interlocked.Increment(ref accepted);
            var up = PumpAsync(client, upstream);
            var down = PumpAsync(upstream, client);
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        finally
        {
            sockets.TryRemove(client, out _);
            sockets.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    // Orderly close from this side: pass the FIN on and keep the other direction open.
                    try
                    {
                        to.Shutdown(SocketShutdown.Send);
                    }
                    catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                    {
                    }

                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset on one side resets the other, so neither peer waits on a connection that cannot finish.
            LoopbackHttpServer.Abort(from);
            LoopbackHttpServer.Abort(to);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
