using Ebops.Sandbox.Aws.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ebops.Sandbox.Aws;

/// <summary>Options of <see cref="AwsSimulator"/>. Defaults: ephemeral loopback port, system clock, sandbox time scale,
/// sandbox credentials, account/region from <see cref="SandboxNetwork"/>, page size 100, every built-in service.</summary>
public sealed class AwsSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The clock every lifecycle and the SigV4 skew check read.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Scale of realistic durations (<see cref="SimTiming.Instant"/> for unit tests).</summary>
    public SimTiming Timing { get; set; } = SimTiming.Sandbox;

    /// <summary>Key pairs accepted; the first one is what <see cref="AwsSimulator.AccessKeyId"/> reports.</summary>
    public IList<SimCredential> Credentials { get; set; } = [SimCredential.Sandbox];

    public string AccountId { get; set; } = SandboxNetwork.AccountId;

    public string Region { get; set; } = SandboxNetwork.Region;

    /// <summary>Largest accepted difference between a request's signing time and the world's clock (AWS: 15 minutes);
    /// null disables the check (useful when a FakeTimeProvider sits far from the real clock the SDK signs with).</summary>
    public TimeSpan? MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Seed for ids and fault-injection draws (same seed + same calls = same ids and faults).</summary>
    public int Seed { get; set; } = 20251124;

    /// <summary>Page size cap per signing name (e.g. <c>["rds"] = 2</c>); services not listed use <see cref="DefaultPageSize"/>.</summary>
    public IDictionary<string, int> PageSizes { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public int DefaultPageSize { get; set; } = 100;

    /// <summary>
    /// Factories of the service handlers, each receiving the <see cref="SimWorld"/>. Defaults to <see cref="SimServices.All"/>;
    /// add one with <c>options.Services.Add(world =&gt; new MyHandler(world))</c>.
    /// </summary>
    public IList<Func<SimWorld, IAwsServiceHandler>> Services { get; set; } = [.. SimServices.All];

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Whether the admin API (<c>/_sim/*</c>) is served (loopback callers only).</summary>
    public bool EnableAdminApi { get; set; } = true;

    /// <summary>Signing names exposed as <c>IReadOnlyDictionary</c> for <see cref="SimPaging"/>.</summary>
    internal IReadOnlyDictionary<string, int> PageSizesView => new Dictionary<string, int>(PageSizes, StringComparer.Ordinal);
}
