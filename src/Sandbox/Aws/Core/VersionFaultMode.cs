namespace Ebops.Sandbox.Aws.Core;

/// <summary>How a broken application version's instances misbehave on the data plane.</summary>
public enum VersionFaultMode
{
    /// <summary>Every HTTP request is answered 500.</summary>
    Http500,

    /// <summary>Responses are delayed past any sensible health-check timeout.</summary>
    Slow,

    /// <summary>Connections are refused (the instance listens on nothing).</summary>
    Refuse,
}
