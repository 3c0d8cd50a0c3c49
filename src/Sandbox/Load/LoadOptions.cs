namespace Ebops.Sandbox.Load;

/// <summary>
/// Options of <see cref="LoadGenerator"/>. Defaults: 32 clients sending 500 requests/s in all, half of them on one
/// kept-alive connection each and half opening a new connection per request, GET /, 5 s request timeout, and no
/// client caching DNS answers for ever.
/// </summary>
public sealed class LoadOptions
{
    public int Clients { get; set; } = 32;

    /// <summary>The target rate of all clients together (each client paces itself to its share).</summary>
    public double RequestsPerSecond { get; set; } = 500;

    /// <summary>The fraction of clients that keep one connection alive; the others open a new connection per request.</summary>
    public double KeepAliveFraction { get; set; } = 0.5;

    /// <summary>
    /// The fraction of clients (of each kind) whose DNS cache keeps the first answer for the life of the process, as a
    /// JVM does with <c>networkaddress.cache.ttl=-1</c>; the others honour the record's TTL. Host-name targets only.
    /// </summary>
    public double CacheDnsForeverFraction { get; set; }

    public string Path { get; set; } = "/";

    /// <summary>A request with no complete answer within this (real) time counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Clients, 1, nameof(Clients));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestsPerSecond, nameof(RequestsPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepAliveFraction, 0, nameof(KeepAliveFraction));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(KeepAliveFraction, 1, nameof(KeepAliveFraction));
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheDnsForeverFraction, 0, nameof(CacheDnsForeverFraction));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CacheDnsForeverFraction, 1, nameof(CacheDnsForeverFraction));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
    }
}
