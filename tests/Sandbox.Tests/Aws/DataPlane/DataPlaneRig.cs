using System.Net;
using System.Text.Json;
using Ebops.Sandbox.Aws.DataPlane;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>Builds instances, target groups and proxies on one FakeTimeProvider and disposes all of them.</summary>
internal sealed class DataPlaneRig(FakeTimeProvider? time = null) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>The rig's ALB client keep-alive (AWS's minimum, 60 s); the idle timeout is set well above it.</summary>
    public static readonly TimeSpan ClientKeepAlive = TimeSpan.FromSeconds(60);

    private readonly List<IAsyncDisposable> owned = [];

    public FakeTimeProvider Time { get; } = time ?? new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static HealthCheckSettings Http(int healthy = 2, int unhealthy = 3, string path = "/health")
        => new("HTTP", path, Interval, TimeSpan.FromSeconds(5), healthy, unhealthy);

    public T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    public InstanceServer Instance(string id, string version, Func<InstanceBehavior>? behavior = null)
        => Own(new InstanceServer(id, version, behavior, Time));

    public TargetGroupRuntime Group(string name, HealthCheckSettings? settings = null)
        => Own(new TargetGroupRuntime(name, settings ?? Http(), Time));

    /// <summary>An environment: instances answering <paramref name="version"/> behind an ALB, and an alb-type group holding that ALB.</summary>
    public (AlbProxy Alb, TargetGroupRuntime Instances, TargetGroupRuntime AlbGroup) Environment(string colour, string version, int instances = 2)
    {
        var group = Group($"{colour}-instances");
        for (var i = 0; i < instances; i++)
        {
            var server = Instance($"i-{colour}{i}", version);
            group.Register(server.InstanceId, server.Endpoint);
        }

        var alb = Own(new AlbProxy($"{colour}-alb", Time, idleTimeout: TimeSpan.FromSeconds(4000)) { ClientKeepAlive = ClientKeepAlive });
        alb.TargetGroup = group;
        group.InUse = true;
        var albGroup = Group($"{colour}-alb-tg", Http(path: "/"));
        albGroup.Register("arn:alb/" + colour, alb.Endpoint);
        return (alb, group, albGroup);
    }

    /// <summary>Advances the clock by one check interval and waits for the rounds that started.</summary>
    public async Task TickAsync(params TargetGroupRuntime[] groups)
    {
        Time.Advance(Interval);
        foreach (var group in groups)
        {
            await group.LastRound;
        }
    }

    public static async Task<(string Version, string Instance)> GetAsync(HttpClient client, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri($"http://{endpoint}/"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("version").GetString()!, json.RootElement.GetProperty("instance").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }
}
