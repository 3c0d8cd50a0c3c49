namespace Ebops.Operator.Aws.Core;

/// <summary>
/// Client-side rate limiting for one service, in the spirit of the SDKs' adaptive retry mode: unlimited until the first
/// throttling error, then a token bucket whose fill rate is cut to <see cref="Beta"/> times the measured send rate on
/// every throttle (multiplicative decrease) and grows by <see cref="Increase"/> per second per success (additive
/// increase) until it reaches <see cref="MaxRate"/>, when the bucket switches off again. This is AIMD rather than the
/// SDKs' CUBIC curve: simpler to reason about, and the point is the same — many reconciles back off together instead of
/// each burning its retries. Time comes from <see cref="TimeProvider"/> so tests drive it with a fake clock.
/// </summary>
public sealed class AdaptiveRateLimiter(TimeProvider time)
{
    public const double Beta = 0.7;
    public const double MinRate = 0.5;
    public const double MaxRate = 50;
    public const double Increase = 0.5;

    // Refills are sums of floating-point products: a bucket refilled for exactly the computed wait may end a rounding
    // error short of a whole token.
    private const double Epsilon = 1e-9;

    private readonly Lock gate = new();
    private bool enabled;
    private double fillRate = MaxRate;
    private double tokens;
    private long lastRefill = time.GetTimestamp();
    private long windowStart = time.GetTimestamp();
    private int windowSends;
    private double measuredRate;

    /// <summary>True once a throttle switched the bucket on.</summary>
    public bool Enabled
    {
        get { lock (gate) { return enabled; } }
    }

    /// <summary>Tokens per second while enabled.</summary>
    public double FillRate
    {
        get { lock (gate) { return fillRate; } }
    }

    public double Tokens
    {
        get { lock (gate) { Refill(); return tokens; } }
    }

    /// <summary>Waits (on the injected clock) until a request may be sent.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken) => await AcquireAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Waits until a request may be sent, unless that would take longer than <paramref name="maxWait"/>: then returns
    /// false at once and takes no token (the caller gives up and comes back later instead of holding a worker).
    /// </summary>
    public async ValueTask<bool> AcquireAsync(TimeSpan? maxWait, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                RecordWindow();
                if (!enabled)
                {
                    windowSends++;
                    return true;
                }

                Refill();
                if (tokens >= 1 - Epsilon)
                {
                    tokens -= 1;
                    windowSends++;
                    return true;
                }

                // Rounded up to whole milliseconds (timers' resolution): a shorter wait can fire at once without the
                // clock moving, and on a clock that does not move by itself (a test's) the loop would spin forever.
                wait = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((1 - tokens) / fillRate * 1000)));
                if (wait > maxWait)
                {
                    return false;
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A throttling error came back: lower the rate.</summary>
    public void OnThrottle()
    {
        lock (gate)
        {
            RecordWindow();
            var elapsed = time.GetElapsedTime(windowStart).TotalSeconds;
            var current = windowSends / Math.Max(elapsed, 1.0);
            var measured = Math.Max(measuredRate, current);
            var basis = enabled ? Math.Min(fillRate, measured) : measured;
            if (!enabled)
            {
                Refill();
                enabled = true;
                tokens = 0;
                lastRefill = time.GetTimestamp();
            }
            else
            {
                Refill();
            }

            fillRate = Math.Clamp(basis * Beta, MinRate, MaxRate);
            tokens = Math.Min(tokens, Capacity);
        }
    }

    /// <summary>A request succeeded: let the rate creep back up.</summary>
    public void OnSuccess()
    {
        lock (gate)
        {
            if (!enabled)
            {
                return;
            }

            Refill();
            fillRate = Math.Min(MaxRate, fillRate + Increase);
            if (fillRate >= MaxRate)
            {
                enabled = false;
            }
        }
    }

    private double Capacity => Math.Max(1, fillRate);

    private void Refill()
    {
        var now = time.GetTimestamp();
        if (enabled)
        {
            var seconds = time.GetElapsedTime(lastRefill, now).TotalSeconds;
            tokens = Math.Min(Capacity, tokens + (seconds * fillRate));
        }

        lastRefill = now;
    }

    // Send rate smoothed per one-second window (the SDKs' measured transmission rate).
    private void RecordWindow()
    {
        var elapsed = time.GetElapsedTime(windowStart).TotalSeconds;
        if (elapsed >= 1)
        {
            measuredRate = (0.8 * measuredRate) + (0.2 * (windowSends / elapsed));
            windowSends = 0;
            windowStart = time.GetTimestamp();
        }
    }
}
