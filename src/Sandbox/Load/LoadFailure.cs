namespace Ebops.Sandbox.Load;

/// <summary>Why a request of the load generator failed (<see cref="None"/> when it was answered with a 2xx).</summary>
public enum LoadFailure : byte
{
    None,

    /// <summary>Answered, with a status outside 200-299 (a load balancer's 502/503/504, an application's 500).</summary>
    HttpStatus,

    /// <summary>The connection was refused (nothing listens there any more).</summary>
    Refused,

    /// <summary>The connection was reset or closed before the response was complete.</summary>
    Reset,

    /// <summary>No complete answer within the request timeout.</summary>
    Timeout,

    /// <summary>The host name did not resolve.</summary>
    Dns,

    /// <summary>Any other transport failure.</summary>
    Other,
}
