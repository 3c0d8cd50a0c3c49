namespace Ebops.Sandbox.Aws.Core;

/// <summary>
/// A key pair the simulator accepts. When <see cref="SessionToken"/> is null any session token (or none) is accepted
/// with this key, as the sandbox key must work with tokens minted by a fake STS; when set, requests must carry it.
/// </summary>
public sealed record SimCredential(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The sandbox key pair from <see cref="SandboxNetwork"/>.</summary>
    public static SimCredential Sandbox { get; } = new(SandboxNetwork.AccessKeyId, SandboxNetwork.SecretAccessKey);

    /// <summary>Never print the secret (records print every member by default).</summary>
    public override string ToString() => $"SimCredential {{ AccessKeyId = {AccessKeyId} }}";
}
