using System.Net;

namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>
/// A proxy's choice of target group for each new connection or request: by weight from a seeded random source (so a
/// test with a fixed seed sees the same sequence every run), and with target group stickiness, the group chosen for a
/// source address before, while that choice is younger than the stickiness duration and the group still receives
/// traffic. Thread-safe.
/// </summary>
internal sealed class ForwardChooser(int? seed, TimeProvider time)
{
    private const int MaxSources = 4096;
    private readonly Lock gate = new();
    private readonly Random random = seed is { } s ? new Random(s) : new Random();
    private readonly Dictionary<IPAddress, (TargetGroupRuntime Group, DateTimeOffset Until)> sticky = [];

    /// <summary>The group for a new connection from <paramref name="source"/> (null: none; stickiness is off).</summary>
    public TargetGroupRuntime? Choose(WeightedForward? forward, IPAddress? source)
    {
        if (forward is null)
        {
            return null;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            if (forward.Stickiness is { } duration && source is not null)
            {
                if (sticky.TryGetValue(source, out var previous) && previous.Until > now && forward.Receives(previous.Group))
                {
                    return previous.Group;
                }

                var chosen = forward.Choose(random);
                if (chosen is not null)
                {
                    if (sticky.Count >= MaxSources)
                    {
                        Prune(now);
                    }

                    sticky[source] = (chosen, now + duration);
                }

                return chosen;
            }

            return forward.Choose(random);
        }
    }

    // Called under the gate: forgets expired choices (all of them when none has expired, to bound the table).
    private void Prune(DateTimeOffset now)
    {
        var expired = sticky.Where(s => s.Value.Until <= now).Select(s => s.Key).ToList();
        if (expired.Count == 0)
        {
            sticky.Clear();
        }

        foreach (var source in expired)
        {
            sticky.Remove(source);
        }
    }
}
