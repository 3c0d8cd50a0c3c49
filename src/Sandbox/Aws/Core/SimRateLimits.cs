using System.Globalization;
using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// AWS-like API rate limits for the whole simulated account: token buckets (<see cref="RateLimitRule"/>) on simulated
/// time, so a bucket refilling 10 tokens per second refills 10 / <see cref="SimTiming.Scale"/> per real second and a
/// time-scaled client meets the same limits per simulated second as a real one meets per second. The front end asks
/// <see cref="TryTake"/> before a handler runs; a call that finds an empty bucket gets the service's throttling error
/// and does not reach the service. Off without rules or at time scale 0 (instant: no time passes to refill).
/// Thread-safe.
/// </summary>
public sealed class SimRateLimits
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<List<RateLimitRule>>> byService = new(StringComparer.Ordinal);
    private readonly Dictionary<(RateLimitRule Rule, string Partition), TokenBucket> buckets = [];
    private readonly Dictionary<string, long> throttled = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly SimTiming timing;

    public SimRateLimits(IEnumerable<RateLimitRule> rules, TimeProvider time, SimTiming timing)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        this.time = time;
        this.timing = timing;
        foreach (var service in Rules.GroupBy(r => r.Service, StringComparer.Ordinal))
        {
            byService[service.Key] = [.. service.GroupBy(r => r.Group, StringComparer.Ordinal).Select(g => g.ToList())];
        }
    }

    /// <summary>The buckets' rules, in the order they were given.</summary>
    public IReadOnlyList<RateLimitRule> Rules { get; }

    /// <summary>True when calls can be throttled (some rule, and a time scale above 0).</summary>
    public bool Enabled => Rules.Count > 0 && timing.Scale > 0;

    /// <summary>Calls throttled so far, by <c>service/bucket</c>.</summary>
    public IReadOnlyDictionary<string, long> Throttled
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, long>(throttled, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Takes one token from every bucket the call applies to (the first applying rule of each group), or none when
    /// one of them is empty: then returns that bucket's rule (the call is throttled). Null means go ahead.
    /// </summary>
    public RateLimitRule? TryTake(string service, string action, IReadOnlyDictionary<string, string> parameters)
    {
        if (!Enabled || !byService.TryGetValue(service, out var groups))
        {
            return null;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            var taking = new List<TokenBucket>(groups.Count);
            foreach (var group in groups)
            {
                if (group.FirstOrDefault(r => r.Applies(action, parameters)) is not { } rule)
                {
                    continue;
                }

                var key = (rule, rule.Partition?.Invoke(action, parameters) ?? "");
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    bucket = new TokenBucket(rule.Capacity, rule.RefillPerSecond, now);
                    buckets[key] = bucket;
                }

                if (bucket.Refill(now, Math.Max(0, (now - bucket.Updated).TotalSeconds) / timing.Scale) < 1)
                {
                    var name = $"{rule.Service}/{rule.Name}";
                    throttled[name] = throttled.GetValueOrDefault(name) + 1;
                    return rule;
                }

                taking.Add(bucket);
            }

            taking.ForEach(b => b.Take());
            return null;
        }
    }

    /// <summary>The rules with the calls each throttled and the tokens left in each partition of its bucket.</summary>
    public JsonObject DumpState()
    {
        lock (gate)
        {
            var rules = new JsonArray();
            foreach (var rule in Rules)
            {
                var left = new JsonObject();
                foreach (var ((owner, partition), bucket) in buckets.Where(b => ReferenceEquals(b.Key.Rule, rule)))
                {
                    left[partition.Length == 0 ? "*" : partition] = Math.Round(bucket.Tokens, 2);
                }

                rules.Add(new JsonObject
                {
                    ["service"] = rule.Service,
                    ["bucket"] = rule.Name,
                    ["capacity"] = rule.Capacity,
                    ["refillPerSecond"] = rule.RefillPerSecond,
                    ["throttled"] = throttled.GetValueOrDefault($"{rule.Service}/{rule.Name}"),
                    ["tokens"] = left,
                });
            }

            return new JsonObject
            {
                ["enabled"] = Enabled,
                ["timeScale"] = timing.Scale.ToString(CultureInfo.InvariantCulture),
                ["rules"] = rules,
            };
        }
    }
}
