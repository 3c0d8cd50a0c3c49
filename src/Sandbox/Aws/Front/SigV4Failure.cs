namespace Ebops.Sandbox.Aws.Front;

/// <summary>Why a request failed authentication; the front end maps it to each protocol's own error code.</summary>
internal enum SigV4Failure
{
    None,

    /// <summary>No Authorization header and no presigned query.</summary>
    Missing,

    /// <summary>The Authorization header or credential scope cannot be parsed.</summary>
    Malformed,

    /// <summary>The access key (or the session token that must come with it) is not known.</summary>
    UnknownKey,

    /// <summary>The recomputed signature differs.</summary>
    BadSignature,

    /// <summary>The signing time is too far from the simulator's clock, or a presigned URL expired.</summary>
    Expired,

    /// <summary>x-amz-content-sha256 does not match the body.</summary>
    PayloadHashMismatch,
}
