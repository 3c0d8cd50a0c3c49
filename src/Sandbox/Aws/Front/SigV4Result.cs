namespace Ebops.Sandbox.Aws.Front;

/// <summary>The outcome of SigV4 verification. <see cref="Service"/> and <see cref="Region"/> come from the credential
/// scope and are set whenever the scope could be parsed, even on failure (to pick the error shape).</summary>
internal sealed record SigV4Result(
    SigV4Failure Failure,
    string Message,
    string? AccessKeyId = null,
    string? Region = null,
    string? Service = null,
    string? PayloadHash = null,
    ChunkSigning? Chunks = null)
{
    public bool Succeeded => Failure == SigV4Failure.None;
}
