namespace Ebops.Sandbox.Aws.Rds;

/// <summary>A timed status: the instance shows <paramref name="Status"/> until <paramref name="Until"/>, then
/// <paramref name="OnComplete"/> runs (lazily, on the first request at or after that time).</summary>
internal sealed record RdsPhase(string Status, DateTimeOffset Until, Action? OnComplete = null);
