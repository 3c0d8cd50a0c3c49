namespace Ebops.Bench.Release;

/// <summary>A rolling deployment, one instance per batch: each is deregistered, restarted and health checked in turn.</summary>
internal sealed class InPlaceRollingStrategy() : InPlaceStrategy(
    "in-place-rolling", 20, ("DeploymentPolicy", "Rolling"), ("BatchSizeType", "Fixed"), ("BatchSize", "1"));
