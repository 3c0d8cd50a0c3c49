namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>Data-plane settings of the ELBv2 simulation.</summary>
public sealed record Elbv2Options
{
    /// <summary>
    /// First loopback port for NLB listeners (each listener takes the next free one and keeps it for its lifetime);
    /// 0 gives every listener an ephemeral port (tests).
    /// </summary>
    public int NlbListenerBasePort { get; init; }

    /// <summary>Seed for generated ids and DNS names (null: random).</summary>
    public int? Seed { get; init; }
}
