using Microsoft.Extensions.Logging;

namespace Ebops.Sandbox.Kube;

/// <summary>Options of <see cref="KubeApiEmulator"/>. Defaults suit tests and the sandbox verb.</summary>
public sealed class KubeEmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (see <see cref="KubeApiEmulator.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>The clock for timestamps, ages, bookmarks and watch timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// At most how many change events of one resource type are kept for watch replay (kube-apiserver's upper bound,
    /// 100 × 1024). Each type keeps a window like kube-apiserver's watch cache: at least 100 events (or this many when
    /// fewer), growing while its oldest event is less than 75 s old on <see cref="TimeProvider"/>, shrinking when even
    /// its newest quarter is older. A watch or continue from before the window gets 410 Gone.
    /// </summary>
    public int WatchCacheSize { get; init; } = Storage.WatchWindow.DefaultUpperBound;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> receives a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Logger factory for the emulator's own logs (requests at Debug, CRDs and unsupported CEL rules at Information/Warning).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
