namespace Ebops.Sandbox.Aws.Front;

/// <summary>The signature parts a request carries (Authorization header or presigned query), or why they cannot be read.</summary>
internal sealed record SigV4Authorization(string? Credential, string? SignedHeaders, string? Signature, string? AmzDate, string? Token)
{
    public SigV4Result? Failure { get; private init; }

    public static SigV4Authorization Failed(SigV4Result failure) => new(null, null, null, null, null) { Failure = failure };
}
