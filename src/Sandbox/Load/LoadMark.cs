namespace Ebops.Sandbox.Load;

/// <summary>A named moment on a <see cref="LoadTimeline"/> (a release started, a listener switched, a CNAME swap).</summary>
public sealed record LoadMark(string Name, TimeSpan At);
