namespace Ebops.Sandbox.Aws.Front;

/// <summary>What is needed to verify the chunk signatures of a streaming SigV4 upload: the seed signature (from the
/// Authorization header), the signing time, the credential scope and the derived signing key.</summary>
internal sealed record ChunkSigning(string SeedSignature, string AmzDate, string Scope, byte[] SigningKey);
