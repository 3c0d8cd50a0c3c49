namespace Ebops.Operator.Controllers.BlueGreenRelease;

/// <summary>BlueGreenRelease-only settings (configuration section <c>Release</c>, environment <c>Release__*</c>, e.g. <c>Release__ProbeProxy</c>).</summary>
public sealed class ReleaseSettings
{
    public const string SectionName = "Release";

    /// <summary>
    /// An HTTP proxy (e.g. <c>http://127.0.0.1:4566</c>) the gate's <c>http</c> checks go through to reach green's
    /// environment URL; the sandbox's simulated DNS names resolve only there. Empty: direct connections (real AWS).
    /// </summary>
    public string? ProbeProxy { get; set; }
}
