using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;
using C = Ebops.Sandbox.Aws.Elbv2.Elbv2Constants;

namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>
/// The ELBv2 (2015-12-01) Query-protocol handler: one operations class per aggregate over the world's shared
/// <see cref="Elbv2State"/>, rendering in the element names of the official model's output shapes.
/// </summary>
public sealed class Elbv2Handler : SimServiceHandler, ISimStateSource, IAsyncDisposable
{
    private Elbv2Handler(SimWorld world, Elbv2State state)
        : base(
            C.SigningName,
            Elbv2Xml.ParameterErrors,
            new LoadBalancerOperations(world, state.LoadBalancers),
            new TargetGroupOperations(world, state.TargetGroups),
            new TargetOperations(state.Targets),
            new ListenerOperations(world, state.Listeners),
            new Elbv2TagOperations(state.Tags))
    {
        State = state;
    }

    /// <summary>The handler registered in <c>SimServices</c>: the world's shared ELBv2 state and pagination.</summary>
    public Elbv2Handler(SimWorld world)
        : this(world, Elbv2State.For(world))
    {
    }

    public string StateName => C.SigningName;

    public Elbv2State State { get; }

    /// <summary>
    /// A handler factory for <c>AwsSimulatorOptions.Services</c> with data-plane options, e.g. NLB listeners on
    /// fixed loopback ports from a base: <c>options.Services[i] = Elbv2Handler.WithOptions(new() { NlbListenerBasePort = 18080 })</c>
    /// (it must come before the EB handler, which shares the same state).
    /// </summary>
    public static Func<SimWorld, IAwsServiceHandler> WithOptions(Elbv2Options options)
        => world => new Elbv2Handler(world, Elbv2State.For(world, options with { Seed = options.Seed ?? world.Options.Seed }));

    public JsonNode DumpState() => State.DumpState();

    public ValueTask DisposeAsync() => State.DisposeAsync();
}
