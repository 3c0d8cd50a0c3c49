namespace Ebops.Sandbox.Aws.DataPlane;

/// <summary>How a simulated instance answers.</summary>
public enum InstanceBehaviorKind
{
    /// <summary>200 with the version label and instance id.</summary>
    Healthy,

    /// <summary>500 on every path (an application that fails its health check).</summary>
    Http500,

    /// <summary>Answers after a delay (health checks time out when it exceeds their timeout).</summary>
    Slow,

    /// <summary>Resets new and open connections (a crashed process).</summary>
    Refuse,
}
