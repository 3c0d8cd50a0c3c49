using Ebops.Operator.Resources;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Resources;

public sealed class SnapshotReaderTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> aws = new() { ["a"] = "a1", ["b"] = "b1" };
    private int allCalls;
    private int oneCalls;

    private SnapshotReader<string> Reader() => new(
        _ => { allCalls++; return Task.FromResult<IReadOnlyList<string>>([.. aws.Values]); },
        (key, _) => { oneCalls++; return Task.FromResult(aws.TryGetValue(key, out var v) ? v : null); },
        value => value[..1],
        TimeSpan.FromMinutes(5),
        time);

    [Fact]
    public async Task Cached_reads_of_many_keys_cost_one_describe_per_max_age()
    {
        var reader = Reader();

        Assert.Equal("a1", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        Assert.Equal("b1", await reader.ReadAsync("b", ReadMode.Cached, Ct));
        Assert.Equal("a1", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        Assert.Equal((1, 0), (allCalls, oneCalls));

        aws["a"] = "a2";
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("a2", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        Assert.Equal((2, 0), (allCalls, oneCalls));
    }

    [Fact]
    public async Task A_key_missing_from_the_snapshot_is_read_live_and_gone_means_null()
    {
        var reader = Reader();
        await reader.ReadAsync("a", ReadMode.Cached, Ct);
        aws["c"] = "c1";

        Assert.Equal("c1", await reader.ReadAsync("c", ReadMode.Cached, Ct));
        Assert.Null(await reader.ReadAsync("z", ReadMode.Cached, Ct));
        Assert.Equal((1, 2), (allCalls, oneCalls));
    }

    [Fact]
    public async Task Live_reads_and_invalidated_keys_always_ask_aws_and_refresh_the_snapshot()
    {
        var reader = Reader();
        await reader.ReadAsync("a", ReadMode.Cached, Ct);
        aws["a"] = "a2";

        Assert.Equal("a1", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        reader.Invalidate("a");
        Assert.Equal("a2", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        Assert.Equal("a2", await reader.ReadAsync("a", ReadMode.Cached, Ct));
        aws.Remove("b");
        Assert.Null(await reader.ReadAsync("b", ReadMode.Live, Ct));
        Assert.Null(await reader.ReadAsync("b", ReadMode.Cached, Ct));
        Assert.Equal((1, 3), (allCalls, oneCalls));
    }

    [Fact]
    public async Task Recent_reads_share_one_describe_for_a_few_seconds_and_live_reads_when_no_recent_age_is_set()
    {
        var reader = new SnapshotReader<string>(
            _ => { allCalls++; return Task.FromResult<IReadOnlyList<string>>([.. aws.Values]); },
            (key, _) => { oneCalls++; return Task.FromResult(aws.TryGetValue(key, out var v) ? v : null); },
            value => value[..1],
            TimeSpan.FromMinutes(5),
            time) { RecentMaxAge = TimeSpan.FromSeconds(5) };

        Assert.Equal("a1", await reader.ReadAsync("a", ReadMode.Recent, Ct));
        Assert.Equal("b1", await reader.ReadAsync("b", ReadMode.Recent, Ct));
        aws["a"] = "a2";
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("a1", await reader.ReadAsync("a", ReadMode.Recent, Ct));
        Assert.Equal((1, 0), (allCalls, oneCalls));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a2", await reader.ReadAsync("a", ReadMode.Recent, Ct));
        Assert.Equal("b1", await reader.ReadAsync("b", ReadMode.Cached, Ct));
        Assert.Equal((2, 0), (allCalls, oneCalls));

        Assert.Equal("a2", await Reader().ReadAsync("a", ReadMode.Recent, Ct));
        Assert.Equal((2, 1), (allCalls, oneCalls));
    }

    [Fact]
    public async Task A_write_made_while_a_snapshot_loads_keeps_its_key_live_until_a_later_load()
    {
        var loading = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var loads = 0;
        var reader = new SnapshotReader<string>(
            async _ =>
            {
                var values = aws.Values.ToList();
                if (++loads == 1)
                {
                    loading.SetResult();
                    await release.Task;
                }

                return values;
            },
            (key, _) => { oneCalls++; return Task.FromResult(aws.TryGetValue(key, out var v) ? v : null); },
            value => value[..1],
            TimeSpan.FromMinutes(5),
            time) { RecentMaxAge = TimeSpan.FromSeconds(5) };

        var first = reader.ReadAsync("b", ReadMode.Recent, Ct);
        await loading.Task;
        aws["a"] = "a2";
        reader.Invalidate("a");
        release.SetResult();
        Assert.Equal("b1", await first);

        Assert.Equal("a2", await reader.ReadAsync("a", ReadMode.Recent, Ct));
        Assert.Equal((1, 1), (loads, oneCalls));
    }
}
