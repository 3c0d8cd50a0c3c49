using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube;

/// <summary>Options of <see cref="KubeApiEmulator"/>. Defaults suit tests and the sandbox verb.</summary>
public sealed class KubeEmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (see <see cref="KubeApiEmulator.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>The clock for timestamps, ages, bookmarks and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many change events are kept for watch replay; a watch or continue from before them gets 410 Gone.</summary>
    public int WatchCacheSize { get; init; } = 10_000;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> receives a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Logger factory for the emulator's own logs (requests at Debug, CRDs and unsupported CEL rules at Information/Warning).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
