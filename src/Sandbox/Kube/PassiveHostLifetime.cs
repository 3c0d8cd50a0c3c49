using Microsoft.Extensions.Hosting;

namespace Ebops.Sandbox.Kube;

/// <summary>The emulator is embedded: its host must not take over Ctrl-C/SIGTERM from the process that owns it.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
