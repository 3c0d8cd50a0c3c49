namespace Ebops.Sandbox.Aws.Front;

/// <summary>What the signature of a request is recomputed from: signed header names, the signature sent (lowercase),
/// the signing time as written in the string to sign, the credential scope, the derived key and the payload hash.</summary>
internal sealed record SignedRequest(string SignedHeaders, string Signature, string DateForStringToSign, string Scope, byte[] SigningKey, string PayloadHash);
