using Ebops.Operator.Aws.Core;
using Microsoft.Extensions.Time.Testing;

namespace Ebops.Operator.Tests.Aws.Core;

/// <summary>The adaptive limiter on a fake clock: nothing waits until a throttle, then sends are paced at a reduced rate.</summary>
public sealed class AdaptiveRateLimiterTests
{
    [Fact]
    public async Task Unlimited_until_the_first_throttle()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(time);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.AcquireAsync(CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.False(limiter.Enabled);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_caller_that_would_wait_longer_than_it_allows_is_refused_at_once_and_takes_no_token()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(time);
        limiter.OnThrottle(); // nothing sent yet: the rate drops to the floor (0.5/s), the bucket is empty

        Assert.False(await limiter.AcquireAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await limiter.AcquireAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.False(await limiter.AcquireAsync(TimeSpan.FromSeconds(1), CancellationToken.None));

        var waiting = limiter.AcquireAsync(null, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_throttle_cuts_the_rate_and_paces_the_next_sends()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(time);
        for (var i = 0; i < 20; i++)
        {
            await limiter.AcquireAsync(CancellationToken.None);
        }

        limiter.OnThrottle();

        Assert.True(limiter.Enabled);
        // 20 sends in the first second measured, times beta 0.7.
        Assert.Equal(14, limiter.FillRate, 3);
        var next = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(20));
        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // In one second of fake time at most ~14 sends get through.
        var sent = 0;
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(1);
        while (time.GetUtcNow() < deadline)
        {
            var acquire = limiter.AcquireAsync(CancellationToken.None).AsTask();
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }

            await acquire;
            sent++;
        }

        Assert.InRange(sent, 12, 15);
    }

    [Fact]
    public async Task Repeated_throttles_keep_lowering_the_rate_down_to_the_floor_and_successes_raise_it()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(time);
        await limiter.AcquireAsync(CancellationToken.None);
        limiter.OnThrottle();
        var rates = new List<double> { limiter.FillRate };
        for (var i = 0; i < 10; i++)
        {
            limiter.OnThrottle();
            rates.Add(limiter.FillRate);
        }

        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second <= p.First));
        Assert.Equal(AdaptiveRateLimiter.MinRate, rates[^1]);

        limiter.OnSuccess();
        Assert.Equal(AdaptiveRateLimiter.MinRate + AdaptiveRateLimiter.Increase, limiter.FillRate, 6);
    }

    [Fact]
    public async Task Enough_successes_switch_the_limiter_off_again()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(time);
        await limiter.AcquireAsync(CancellationToken.None);
        limiter.OnThrottle();
        for (var i = 0; i < 200 && limiter.Enabled; i++)
        {
            limiter.OnSuccess();
        }

        Assert.False(limiter.Enabled);
    }
}
