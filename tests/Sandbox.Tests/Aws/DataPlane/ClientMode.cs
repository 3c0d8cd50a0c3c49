namespace Ebops.Sandbox.Tests.Aws.DataPlane;

/// <summary>How a load client talks HTTP through a proxy.</summary>
public enum ClientMode
{
    /// <summary>One pooled client; connections are kept alive and reused.</summary>
    KeepAlive,

    /// <summary>A connection per request, closed by the client.</summary>
    NewConnectionPerRequest,

    /// <summary>A connection per request, closed by the server (<c>Connection: close</c>).</summary>
    ConnectionClose,
}
