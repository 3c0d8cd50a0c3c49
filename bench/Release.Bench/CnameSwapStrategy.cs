using Ebops.Sandbox.Load;

namespace Ebops.Bench.Release;

/// <summary>
/// The blue/green recipe teams run by hand: create green with the new version, wait until it is Ready and Ok,
/// SwapEnvironmentCNAMEs, and terminate blue a fixed time later (<see cref="ReleaseOptions.BlueRetention"/>). Clients
/// reach the application by its CNAME through the simulated resolver (TTL, and some caching the first answer for
/// ever). The cut-over is the swap; two environments run from green's creation to blue's termination.
/// </summary>
internal sealed class CnameSwapStrategy : IReleaseStrategy
{
    private const string Application = "web";
    private int generation = 1;

    public string Name => "cname-swap";

    public int Order => 30;

    private string Blue => $"web-{generation}";

    public async Task<LoadTarget> DeployFirstAsync(ReleaseBench bench, string version, CancellationToken cancellationToken)
    {
        await bench.Eb.CreateApplicationAsync(new() { ApplicationName = Application }, cancellationToken);
        await bench.CreateVersionAsync(Application, version, cancellationToken);
        var blue = await bench.LaunchAsync(Application, Blue, "web-live", version, [], cancellationToken);
        return LoadTarget.Hostname(blue.CNAME!, bench.Resolver);
    }

    public async Task ReleaseAsync(ReleaseBench bench, ReleaseRecord release, CancellationToken cancellationToken)
    {
        var blue = Blue;
        var green = $"web-{generation + 1}";
        await bench.CreateVersionAsync(Application, release.Version, cancellationToken);
        release.BeginDoubleCapacity();
        await bench.LaunchAsync(Application, green, $"web-stage-{generation + 1}", release.Version, [], cancellationToken);
        release.MarkCutover();
        await bench.Eb.SwapEnvironmentCNAMEsAsync(new() { SourceEnvironmentName = blue, DestinationEnvironmentName = green }, cancellationToken);
        await bench.DelayAsync(bench.Options.BlueRetention, cancellationToken);
        await bench.Eb.TerminateEnvironmentAsync(new() { EnvironmentName = blue }, cancellationToken);
        release.EndDoubleCapacity();
        generation++;
    }
}
