using Ebops.Sandbox.Aws.Core;
using Ebops.Sandbox.Aws.DataPlane;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>A simulated listener and the proxy that serves it (an <see cref="AlbProxy"/> or an <see cref="NlbListenerProxy"/>).</summary>
internal sealed class Listener
{
    public required string Arn { get; init; }

    public required string LoadBalancerArn { get; init; }

    public required int Port { get; set; }

    public required string Protocol { get; set; }

    public required List<ListenerAction> DefaultActions { get; set; }

    public AlbProxy? Alb { get; init; }

    public NlbListenerProxy? Nlb { get; init; }

    public TagList Tags { get; } = new();

    public System.Net.IPEndPoint Loopback => Alb?.Endpoint ?? Nlb!.Endpoint;

    public IEnumerable<string> TargetGroupArns() => DefaultActions.SelectMany(a => a.TargetGroupArns());

    public ValueTask DisposeProxyAsync() => Alb is not null ? Alb.DisposeAsync() : Nlb!.DisposeAsync();
}
