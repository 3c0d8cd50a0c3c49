using Ebops.Operator.Resources;
using Ebops.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Resources;

/// <summary><see cref="SnapshotReader{TValue}.Waiting"/>: the readers held by another reader's load, which the in-process
/// release harness counts as waiting on the clock when that load waits on it (a retry backoff).</summary>
public sealed class SnapshotReaderWaitingTests
{
    [Fact]
    public async Task A_reader_held_by_another_readers_load_counts_as_waiting_until_that_load_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        var load = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new SnapshotReader<string>(
            _ =>
            {
                loading.TrySetResult();
                return load.Task;
            },
            (_, _) => Task.FromResult<string?>(null),
            value => value[..1],
            TimeSpan.FromMinutes(5),
            new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var first = reader.ReadAsync("a", ReadMode.Cached, ct);
        await KubeWait.SignalAsync(loading.Task, "the first reader loads", ct);
        Assert.Equal(0, reader.Waiting);

        var second = reader.ReadAsync("b", ReadMode.Cached, ct);
        Assert.Equal(1, reader.Waiting);

        load.SetResult(["a1", "b1"]);
        Assert.Equal(("a1", "b1"), (await first, await second));
        Assert.Equal(0, reader.Waiting);
    }
}
