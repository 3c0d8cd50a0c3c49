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
    private readonly LoopbackHttpServer _server;
    private readonly Func<InstanceBehavior> _behavior;
    private readonly TimeProvider _time;
    private byte[] _okBody;
    private string _versionLabel;
    private long _requests;

    /// <param name="instanceId">EC2-style instance id (reported in every response).</param>
    /// <param name="versionLabel">Application version the instance runs.</param>
    /// <param name="behavior">Evaluated per request and per connection; null means always healthy.</param>
    /// <param name="time">Clock for the Slow delay.</param>
    public InstanceServer(string instanceId, string versionLabel, Func<InstanceBehavior>? behavior = null, TimeProvider? time = null)
    {
        InstanceId = instanceId;
        _versionLabel = versionLabel;
        _behavior = behavior ?? (static () => InstanceBehavior.Healthy);
        _time = time ?? TimeProvider.System;
        _okBody = Body(instanceId, versionLabel);
        _server = new LoopbackHttpServer(HandleAsync, () => _behavior().Kind == InstanceBehaviorKind.Refuse);
    }

    public string InstanceId { get; }

    /// <summary>The application version the instance runs now.</summary>
    public string VersionLabel => Volatile.Read(ref _versionLabel);

    /// <summary>Where the instance listens (its "private IP" on the simulated VPC).</summary>
    public IPEndPoint Endpoint => _server.Endpoint;

    /// <summary>The behaviour in force now.</summary>
    public InstanceBehavior Behavior => _behavior();

    /// <summary>Requests answered so far (health checks included).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Call after changing the behaviour source to Refuse so that idle kept-alive connections die at once.</summary>
    public void ApplyBehavior()
    {
        if (_behavior().Kind == InstanceBehaviorKind.Refuse)
        {
            _server.AbortConnections();
        }
    }

    /// <summary>Deploys another version in place (an all-at-once deployment restarts the app, not the instance).</summary>
    public void Deploy(string versionLabel)
    {
        Volatile.Write(ref _okBody, Body(InstanceId, versionLabel));
        Volatile.Write(ref _versionLabel, versionLabel);
        ApplyBehavior();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static byte[] Body(string instanceId, string versionLabel)
        => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["version"] = versionLabel, ["instance"] = instanceId });

    private async ValueTask<LoopbackHttpResponse> HandleAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var behavior = _behavior();
        if (behavior.Kind == InstanceBehaviorKind.Slow && behavior.Delay > TimeSpan.Zero)
        {
            await Task.Delay(behavior.Delay, _time, cancellationToken).ConfigureAwait(false);
        }

        return behavior.Kind == InstanceBehaviorKind.Http500
            ? LoopbackHttpResponse.Text(500, "text/plain", $"500 Internal Server Error (version {VersionLabel} on {InstanceId})")
            : new LoopbackHttpResponse(200, [new("Content-Type", "application/json")], Volatile.Read(ref _okBody));
    }
}
