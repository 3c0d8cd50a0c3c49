using System.Net;
using System.Text.Json;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// One simulated EC2 instance of an Elastic Beanstalk environment: a real HTTP server on 127.0.0.1 (ephemeral port)
/// answering every path with <c>{"version":...,"instance":...}</c>. Its behaviour is read on every request from
/// the behaviour source given to the constructor so that faults set at any level (a broken version, one failing instance) apply at once.
/// </summary>
public sealed class InstanceServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly Func<InstanceBehavior> behavior;
    private readonly TimeProvider time;
    private byte[] okBody;
    private string versionLabel;
    private readonly Lock waitersGate = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> waiters = [];
    private long requests;

    /// <param name="instanceId">EC2-style instance id (reported in every response).</param>
    /// <param name="versionLabel">Application version the instance runs.</param>
    /// <param name="behavior">Evaluated per request and per connection; null means always healthy.</param>
    /// <param name="time">Clock for the Slow delay.</param>
    public InstanceServer(string instanceId, string versionLabel, Func<InstanceBehavior>? behavior = null, TimeProvider? time = null)
    {
        InstanceId = instanceId;
        this.versionLabel = versionLabel;
        this.behavior = behavior ?? (static () => InstanceBehavior.Healthy);
        this.time = time ?? TimeProvider.System;
        okBody = Body(instanceId, versionLabel);
        server = new LoopbackHttpServer(HandleAsync, () => this.behavior().Kind == InstanceBehaviorKind.Refuse);
    }

    public string InstanceId { get; }

    /// <summary>The application version the instance runs now.</summary>
    public string VersionLabel => Volatile.Read(ref versionLabel);

    /// <summary>Where the instance listens (its "private IP" on the simulated VPC).</summary>
    public IPEndPoint Endpoint => server.Endpoint;

    /// <summary>The behaviour in force now.</summary>
    public InstanceBehavior Behavior => behavior();

    /// <summary>Requests received so far (health checks included).</summary>
    public long RequestCount => Interlocked.Read(ref requests);

    /// <summary>Call after changing the behaviour source to Refuse so that idle kept-alive connections die at once.</summary>
    public void ApplyBehavior()
    {
        if (behavior().Kind == InstanceBehaviorKind.Refuse)
        {
            server.AbortConnections();
        }
    }

    /// <summary>Deploys another version in place (an all-at-once deployment restarts the app, not the instance).</summary>
    public void Deploy(string versionLabel)
    {
        Volatile.Write(ref okBody, Body(InstanceId, versionLabel));
        Volatile.Write(ref this.versionLabel, versionLabel);
        ApplyBehavior();
    }

    /// <summary>Completes once the instance has received <paramref name="count"/> requests (before answering the last
    /// one), so a caller can act while a request is held without polling.</summary>
    public Task RequestsReceivedAsync(long count)
    {
        lock (waitersGate)
        {
            if (RequestCount >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private void SignalRequest(long received)
    {
        lock (waitersGate)
        {
            foreach (var waiter in waiters.Where(w => w.Count <= received).ToList())
            {
                waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    private static byte[] Body(string instanceId, string versionLabel)
        => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["version"] = versionLabel, ["instance"] = instanceId });

    private async ValueTask<LoopbackHttpResponse> HandleAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        SignalRequest(Interlocked.Increment(ref requests));
        var current = behavior();
        if (current.Kind == InstanceBehaviorKind.Slow && current.Delay > TimeSpan.Zero)
        {
            await Task.Delay(current.Delay, time, cancellationToken).ConfigureAwait(false);
        }

        return current.Kind == InstanceBehaviorKind.Http500
            ? LoopbackHttpResponse.Text(500, "text/plain", $"500 Internal Server Error (version {VersionLabel} on {InstanceId})")
            : new LoopbackHttpResponse(200, [new("Content-Type", "application/json")], Volatile.Read(ref okBody));
    }
}
