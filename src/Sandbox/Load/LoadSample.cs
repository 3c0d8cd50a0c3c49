namespace Ebops.Sandbox.Load;

/// <summary>
/// One request of the load generator: when it started (since the timeline began, real time), its status (0 when it
/// got no answer), why it failed, the version the instance answered with, its latency, and which client sent it.
/// </summary>
public readonly record struct LoadSample(
    int Client,
    TimeSpan At,
    int Status,
    LoadFailure Failure,
    string? Version,
    TimeSpan Latency,
    bool NewConnection,
    bool CachesDnsForever)
{
    public bool Failed => Failure != LoadFailure.None;
}
