using Ebops.Operator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;
using Ebops.Tests.Shared;

namespace Ebops.Operator.Tests.Runtime.Queue;

public sealed class WorkQueueTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private WorkQueue<string> Queue(WorkQueueOptions? options = null, double draw = 0) => new(options ?? new WorkQueueOptions(), time, random: () => draw);

    [Fact]
    public async Task Duplicate_keys_collapse_into_one()
    {
        using var queue = Queue();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Depth);
        Assert.Equal("a", (await queue.TakeAsync(Ct))!.Key);
        Assert.Equal("b", (await queue.TakeAsync(Ct))!.Key);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_in_flight_is_not_handed_out_again_and_is_requeued_once_when_done()
    {
        using var queue = Queue();
        queue.Add("a");
        var first = await queue.TakeAsync(Ct);

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Depth);
        var second = queue.TakeAsync(Ct).AsTask();
        Assert.False(second.IsCompleted);

        queue.Done(first!.Key);
        Assert.Equal("a", (await second.WaitAsync(Ct))!.Key);
        queue.Done("a");
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Many_workers_never_process_the_same_key_at_once()
    {
        using var queue = Queue();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();
        var addsDone = false;
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void CheckIdle()
        {
            if (Volatile.Read(ref addsDone) && queue.Depth == 0 && queue.InFlight == 0)
            {
                idle.TrySetResult();
            }
        }

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (await queue.TakeAsync(stop.Token) is { } item)
            {
                if (inFlight.AddOrUpdate(item.Key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                inFlight.AddOrUpdate(item.Key, 0, (_, n) => n - 1);
                Interlocked.Increment(ref processed);
                queue.Done(item.Key);
                CheckIdle();
            }
        }, Ct)).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add($"k{i % 5}");
            if (i % 50 == 0)
            {
                await Task.Yield();
            }
        }

        addsDone = true;
        CheckIdle();
        await idle.Task.WaitAsync(Ct);

        await queue.ShutDownAsync(TimeSpan.FromSeconds(30), Ct);
        await Task.WhenAll(workers).WaitAsync(Ct);
        Assert.Equal(0, overlaps);
        Assert.True(processed >= 5);
    }

    [Fact]
    public void Failure_backoff_doubles_from_5ms_and_caps_at_1000s()
    {
        var backoff = new FailureBackoff<string>(new WorkQueueOptions(), () => 0);
        var delays = Enumerable.Range(0, 20).Select(_ => backoff.Next("a").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560], delays.Take(10));
        Assert.Equal(1_000_000, delays[^1]);
        Assert.Equal(Math.Min(5 * Math.Pow(2, 17), 1_000_000), delays[17]);
        Assert.Equal(20, backoff.Failures("a"));
    }

    [Theory]
    [InlineData(1, 5.0)]
    [InlineData(4, 40.0)]
    [InlineData(18, 655_360.0)]
    public void Failure_backoff_jitter_stays_within_ten_percent_above_the_base(int failures, double baseMs)
    {
        var backoff = new FailureBackoff<string>(new WorkQueueOptions(), () => 0);
        var low = backoff.DelayFor(failures, 0).TotalMilliseconds;
        var high = backoff.DelayFor(failures, 0.999999).TotalMilliseconds;

        Assert.Equal(baseMs, low, 6);
        Assert.InRange(high, baseMs * 1.099, baseMs * 1.1);
    }

    [Fact]
    public void Jittered_backoff_never_exceeds_the_cap()
    {
        var backoff = new FailureBackoff<string>(new WorkQueueOptions(), () => 0.99);
        Assert.Equal(TimeSpan.FromSeconds(1000), backoff.DelayFor(40, 0.99));
        Assert.Equal(TimeSpan.FromSeconds(1000), backoff.DelayFor(1000, 0.99));
    }

    [Fact]
    public async Task AddRateLimited_waits_the_backoff_and_Forget_resets_it()
    {
        using var queue = Queue();
        Assert.Equal(TimeSpan.FromMilliseconds(5), queue.AddRateLimited("a"));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);
        queue.Done((await queue.TakeAsync(Ct))!.Key);

        Assert.Equal(TimeSpan.FromMilliseconds(10), queue.AddRateLimited("a"));
        Assert.Equal(2, queue.NumRequeues("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.NumRequeues("a"));
        time.Advance(TimeSpan.FromMilliseconds(10));
        queue.Done((await queue.TakeAsync(Ct))!.Key);
        Assert.Equal(TimeSpan.FromMilliseconds(5), queue.AddRateLimited("a"));
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_request()
    {
        using var queue = Queue();
        queue.AddAfter("a", TimeSpan.FromSeconds(30));
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(20));

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);
        Assert.Equal(0, queue.Delayed);
    }

    [Fact]
    public async Task Time_in_queue_is_measured_with_the_time_provider()
    {
        using var queue = Queue();
        queue.Add("a");
        time.Advance(TimeSpan.FromSeconds(3));
        var item = await queue.TakeAsync(Ct);
        Assert.Equal(TimeSpan.FromSeconds(3), item!.Waited);
    }

    [Fact]
    public void Resync_requeues_every_known_key_each_period_with_jitter()
    {
        using var queue = Queue(new WorkQueueOptions { ResyncPeriod = TimeSpan.FromMinutes(10), Jitter = 0.1 }, draw: 0.5);
        var known = new List<string> { "a", "b" };
        queue.StartResync(() => known);

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, queue.Depth);

        known.Add("c");
        time.Advance(TimeSpan.FromMinutes(10.5));
        Assert.Equal(3, queue.Depth);
    }

    [Fact]
    public async Task Resync_leaves_out_keys_whose_requeue_comes_before_the_next_resync()
    {
        using var queue = Queue(new WorkQueueOptions { ResyncPeriod = TimeSpan.FromMinutes(10), Jitter = 0 });
        queue.AddAfter("polled", TimeSpan.FromMinutes(15));
        queue.AddAfter("later", TimeSpan.FromMinutes(25));
        queue.StartResync(() => ["polled", "later", "idle"]);

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, queue.Depth);
        Assert.Equal(["later", "idle"], await DrainAsync(queue));

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["polled"], await DrainAsync(queue));
    }

    /// <summary>Takes (and marks done) every key queued now, in order.</summary>
    private static async Task<List<string>> DrainAsync(WorkQueue<string> queue)
    {
        var keys = new List<string>();
        while (queue.Depth > 0)
        {
            var item = await queue.TakeAsync(Ct);
            keys.Add(item!.Key);
            queue.Done(item.Key);
        }

        return keys;
    }

    [Fact]
    public async Task ShutDown_stops_handing_out_keys_and_waits_for_in_flight_work()
    {
        using var queue = Queue();
        queue.Add("a");
        queue.Add("b");
        var item = await queue.TakeAsync(Ct);

        var shutdown = queue.ShutDownAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Null(await queue.TakeAsync(Ct));
        queue.Add("c");
        Assert.False(shutdown.IsCompleted);

        queue.Done(item!.Key);
        Assert.True(await shutdown.WaitAsync(Ct));
    }

    [Fact]
    public async Task ShutDown_gives_up_at_the_deadline()
    {
        using var queue = Queue();
        queue.Add("a");
        _ = await queue.TakeAsync(Ct);

        var shutdown = queue.ShutDownAsync(TimeSpan.FromSeconds(30), Ct);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(shutdown.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await shutdown.WaitAsync(Ct));
    }

    [Fact]
    public async Task A_waiting_worker_is_released_by_shutdown()
    {
        using var queue = Queue();
        var waiting = queue.TakeAsync(Ct).AsTask();
        await queue.ShutDownAsync(TimeSpan.FromSeconds(1), Ct);
        Assert.Null(await waiting.WaitAsync(Ct));
    }
}
