namespace Ebops.Sandbox.Load;

/// <summary>The requests started within one bucket of a <see cref="LoadTimeline"/>: answers by version, and failures.</summary>
public sealed record LoadBucket(TimeSpan Start, IReadOnlyDictionary<string, int> ByVersion, int Failed);
