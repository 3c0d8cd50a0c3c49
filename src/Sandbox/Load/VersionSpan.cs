namespace Ebops.Sandbox.Load;

/// <summary>How many requests a version answered, and when it answered first and last (timeline time).</summary>
public sealed record VersionSpan(string Version, long Count, TimeSpan FirstAt, TimeSpan LastAt);
