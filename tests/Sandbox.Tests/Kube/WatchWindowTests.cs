using Ebops.Sandbox.Kube.Storage;

namespace Ebops.Sandbox.Tests.Kube;

/// <summary>The per-type watch history sized as kube-apiserver's watch cache sizes its event buffer.</summary>
public sealed class WatchWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long resourceVersion;

    private WatchEvent Next() => new(WatchEvent.Modified, ++resourceVersion, "widgets", null, null);

    private void Append(WatchWindow window, int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            window.Append(Next(), at);
        }
    }

    [Fact]
    public void It_keeps_its_lower_bound_of_events_however_old_they_are()
    {
        var window = new WatchWindow(WatchWindow.DefaultLowerBound, WatchWindow.DefaultUpperBound, WatchWindow.DefaultFreshFor);
        for (var i = 0; i < 250; i++)
        {
            window.Append(Next(), T0 + TimeSpan.FromMinutes(i));
        }

        Assert.Equal(100, window.Capacity);
        Assert.Equal(100, window.Count);
        Assert.Equal(150, window.CompactedThrough);
        Assert.Equal(Enumerable.Range(151, 100).Select(i => (long)i), window.Since(window.CompactedThrough).Select(e => e.ResourceVersion));
    }

    [Fact]
    public void It_doubles_while_its_oldest_event_is_fresh_up_to_the_upper_bound()
    {
        var window = new WatchWindow(100, 1000, WatchWindow.DefaultFreshFor);
        Append(window, 150, T0);
        Assert.Equal((200, 150, 0L), (window.Capacity, window.Count, window.CompactedThrough));

        Append(window, 5000, T0 + TimeSpan.FromSeconds(74));
        Assert.Equal((1000, 1000), (window.Capacity, window.Count));
        Assert.Equal(resourceVersion - 1000, window.CompactedThrough);
    }

    [Fact]
    public void It_halves_once_even_its_newest_quarter_is_older_than_75_seconds_and_drops_what_no_longer_fits()
    {
        var window = new WatchWindow(100, 1000, WatchWindow.DefaultFreshFor);
        Append(window, 300, T0);
        Append(window, 100, T0 + TimeSpan.FromSeconds(70));
        Assert.Equal((400, 400), (window.Capacity, window.Count));

        // Full, the oldest stale but the newest quarter fresh: the oldest goes, the size stays.
        Append(window, 1, T0 + TimeSpan.FromSeconds(100));
        Assert.Equal((400, 400, 1L), (window.Capacity, window.Count, window.CompactedThrough));

        // Full and the newest quarter stale: the newest half is kept, the oldest goes to make room for the new event.
        Append(window, 1, T0 + TimeSpan.FromSeconds(200));
        Assert.Equal((200, 200), (window.Capacity, window.Count));
        Assert.Equal(resourceVersion - 200, window.CompactedThrough);
        Assert.Equal(resourceVersion, window.NewestFirst().First().ResourceVersion);

        Append(window, 1, T0 + TimeSpan.FromSeconds(300));
        Assert.Equal((100, 100), (window.Capacity, window.Count));
        Assert.Equal(resourceVersion - 100, window.CompactedThrough);
    }

    [Fact]
    public void A_small_upper_bound_is_also_the_lower_bound()
    {
        var window = new WatchWindow(WatchWindow.DefaultLowerBound, 2, WatchWindow.DefaultFreshFor);
        Append(window, 5, T0);
        Assert.Equal((2, 2, 3L), (window.Capacity, window.Count, window.CompactedThrough));
    }
}
