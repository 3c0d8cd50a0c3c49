using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// What a <see cref="SimWorld"/> is made of: clock, time scale, identity, seed, page sizes, logging, and the two
/// shared simulations other services lean on (the network and the object store). The simulator's own options derive
/// from this class and fill <see cref="Network"/> and <see cref="ObjectStore"/> with the EC2 and S3 simulations, so
/// this layer names neither.
/// </summary>
public class SimWorldOptions
{
    /// <summary>The clock every lifecycle and the SigV4 skew check read.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Scale of realistic durations (<see cref="SimTiming.Instant"/> for unit tests).</summary>
    public SimTiming Timing { get; set; } = SimTiming.Sandbox;

    public string AccountId { get; set; } = SandboxNetwork.AccountId;

    public string Region { get; set; } = SandboxNetwork.Region;

    /// <summary>Seed for ids and fault-injection draws (same seed + same calls = same ids and faults).</summary>
    public int Seed { get; set; } = 20251124;

    /// <summary>Page size cap per signing name (e.g. <c>["rds"] = 2</c>); services not listed use <see cref="DefaultPageSize"/>.</summary>
    public IDictionary<string, int> PageSizes { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public int DefaultPageSize { get; set; } = 100;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>API rate limits (token buckets on simulated time); empty, the default, throttles nothing.
    /// <see cref="AwsRateLimits.Default"/> holds AWS's documented limits.</summary>
    public IList<RateLimitRule> RateLimits { get; set; } = [];

    /// <summary>Account quotas (AWS's defaults unless raised).</summary>
    public SimQuotas Quotas { get; set; } = new();

    /// <summary>Creates the world's network (VPCs, subnets, security groups, Elastic IPs); null leaves the world
    /// without one (<see cref="SimWorld.Network"/> then throws).</summary>
    public Func<SimWorld, ISimNetwork>? Network { get; set; }

    /// <summary>Creates the world's object store (buckets and objects); null leaves the world without one
    /// (<see cref="SimWorld.S3"/> then throws).</summary>
    public Func<SimWorld, ISimObjectStore>? ObjectStore { get; set; }

    /// <summary><see cref="PageSizes"/> as a read-only copy for <see cref="SimPaging"/>.</summary>
    internal IReadOnlyDictionary<string, int> PageSizesView => new Dictionary<string, int>(PageSizes, StringComparer.Ordinal);
}
