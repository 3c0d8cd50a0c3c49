using Ebops.Operator.Entities;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ebops.Operator.Runtime.Events;

/// <inheritdoc cref="IEventRecorder"/>
public sealed class EventRecorder(IEventSink sink, EventRecorderOptions options, TimeProvider time, ILogger<EventRecorder> logger) : IEventRecorder
{
    private readonly object gate = new();
    private readonly Dictionary<(string Object, string Type, string Reason, string Note), Series> series = [];
    private readonly Dictionary<string, Bucket> buckets = [];

    public async Task RecordAsync(ICustomResource regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var objectKey = $"{regarding.Kind}/{regarding.Metadata.NamespaceProperty}/{regarding.Metadata.Name}/{regarding.Metadata.Uid}";
        var key = (objectKey, type, reason, note);
        Series? repeat;
        int count;
        lock (gate)
        {
            Prune(now);
            if (series.TryGetValue(key, out repeat) && now - repeat.LastObserved <= options.AggregationWindow)
            {
                repeat.Count++;
                repeat.LastObserved = now;
                count = repeat.Count;
            }
            else
            {
                repeat = null;
                count = 1;
            }

            if (!TryTake(objectKey, now))
            {
                // Counted above, so the next write that is allowed carries the full count.
                Log.EventRateLimited(logger, regarding.Metadata.NamespaceProperty, regarding.Metadata.Name, reason);
                if (repeat is null)
                {
                    series.Remove(key);
                }

                return;
            }

            if (repeat is null)
            {
                repeat = new Series($"{regarding.Metadata.Name}.{now.ToUnixTimeMilliseconds() * 1_000_000 + Random.Shared.Next(1_000_000):x}",
                    regarding.Metadata.NamespaceProperty ?? "default", now);
                series[key] = repeat;
            }
        }

        try
        {
            if (count == 1)
            {
                await sink.CreateAsync(Build(regarding, repeat, type, reason, action, note, now), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await sink.UpdateSeriesAsync(repeat.Namespace, repeat.Name, count, now, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.EventFailed(logger, e, regarding.Metadata.NamespaceProperty, regarding.Metadata.Name, reason);
        }
    }

    private Eventsv1Event Build(ICustomResource regarding, Series entry, string type, string reason, string action, string note, DateTimeOffset now) => new()
    {
        ApiVersion = "events.k8s.io/v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta { Name = entry.Name, NamespaceProperty = entry.Namespace },
        EventTime = now.UtcDateTime,
        ReportingController = options.ReportingController,
        ReportingInstance = options.ReportingInstance,
        Action = action,
        Reason = reason,
        // The API limits note to 1 kB.
        Note = note.Length > 1024 ? note[..1021] + "..." : note,
        Type = type,
        Regarding = new V1ObjectReference
        {
            ApiVersion = regarding.ApiVersion,
            Kind = regarding.Kind,
            Name = regarding.Metadata.Name,
            NamespaceProperty = regarding.Metadata.NamespaceProperty,
            Uid = regarding.Metadata.Uid,
            ResourceVersion = regarding.Metadata.ResourceVersion,
        },
    };

    private bool TryTake(string objectKey, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(objectKey, out var bucket))
        {
            bucket = new Bucket(options.Burst, now);
            buckets[objectKey] = bucket;
        }

        var refills = (now - bucket.Refilled).Ticks / Math.Max(1, options.RefillEvery.Ticks);
        if (refills > 0)
        {
            bucket.Tokens = (int)Math.Min(options.Burst, bucket.Tokens + refills);
            bucket.Refilled += TimeSpan.FromTicks(refills * options.RefillEvery.Ticks);
        }

        if (bucket.Tokens == 0)
        {
            return false;
        }

        bucket.Tokens--;
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        if (series.Count < 4096)
        {
            return;
        }

        foreach (var key in series.Where(s => now - s.Value.LastObserved > options.AggregationWindow).Select(s => s.Key).ToList())
        {
            series.Remove(key);
        }

        foreach (var key in buckets.Where(b => now - b.Value.Refilled > options.RefillEvery * options.Burst).Select(b => b.Key).ToList())
        {
            buckets.Remove(key);
        }
    }

    private sealed class Series(string name, string @namespace, DateTimeOffset first)
    {
        public string Name { get; } = name;

        public string Namespace { get; } = @namespace;

        public int Count { get; set; } = 1;

        public DateTimeOffset LastObserved { get; set; } = first;
    }

    private sealed class Bucket(int tokens, DateTimeOffset refilled)
    {
        public int Tokens { get; set; } = tokens;

        public DateTimeOffset Refilled { get; set; } = refilled;
    }
}
