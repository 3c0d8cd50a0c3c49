namespace Ebops.Sandbox.Load;

/// <summary>
/// One request as <see cref="LoadTimeline"/> stores it: start (ticks since the timeline began), latency in
/// microseconds, status, failure, flags (1 new connection, 2 caches DNS forever), version index (0 = none), client.
/// </summary>
internal readonly record struct LoadEntry(long Ticks, int LatencyMicros, short Status, LoadFailure Failure, byte Flags, ushort Version, ushort Client);
