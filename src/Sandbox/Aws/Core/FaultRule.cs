namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// One fault-injection rule. It matches a call when <see cref="Service"/> and <see cref="Action"/> match (null = any),
/// the world's clock is inside [<see cref="From"/>, <see cref="Until"/>) (null = unbounded), and the injector's seeded
/// random draw is below <see cref="Fraction"/>; <see cref="Count"/> limits how many calls it may hit.
/// </summary>
/// <param name="Kind">What the rule does.</param>
/// <param name="Service">Signing name, or null for every service.</param>
/// <param name="Action">Action (S3 operation), or null for every action.</param>
/// <param name="Fraction">Share of matching calls hit, 0..1.</param>
/// <param name="Latency">Delay for <see cref="FaultKind.Latency"/>.</param>
/// <param name="From">Start of the active window (inclusive), or null.</param>
/// <param name="Until">End of the active window (exclusive), or null.</param>
/// <param name="Count">Maximum number of calls to hit, or null for no limit.</param>
/// <param name="Code">Error code overriding the protocol's default for the kind.</param>
/// <param name="StatusCode">HTTP status overriding the protocol's default for the kind.</param>
public sealed record FaultRule(
    FaultKind Kind,
    string? Service = null,
    string? Action = null,
    double Fraction = 1.0,
    TimeSpan Latency = default,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    int? Count = null,
    string? Code = null,
    int? StatusCode = null)
{
    /// <summary>Assigned by <see cref="FaultInjector.Add"/> (f-1, f-2, ...).</summary>
    public string Id { get; init; } = "";

    /// <summary>Throttle a fraction of a service's (or one action's) calls.</summary>
    public static FaultRule Throttle(string? service, string? action = null, double fraction = 1.0, int? count = null) =>
        new(FaultKind.Throttle, service, action, fraction, Count: count);

    /// <summary>Fail a fraction of calls with a 5xx.</summary>
    public static FaultRule ServerError(string? service, string? action = null, double fraction = 1.0, int? count = null) =>
        new(FaultKind.ServerError, service, action, fraction, Count: count);

    /// <summary>Delay a fraction of calls.</summary>
    public static FaultRule Delay(string? service, TimeSpan latency, string? action = null, double fraction = 1.0) =>
        new(FaultKind.Latency, service, action, fraction, latency);

    /// <summary>Every call to a service fails with 503 between <paramref name="from"/> and <paramref name="until"/>.</summary>
    public static FaultRule Outage(string? service, DateTimeOffset from, DateTimeOffset until) =>
        new(FaultKind.Outage, service, From: from, Until: until);
}
