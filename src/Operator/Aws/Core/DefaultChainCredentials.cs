using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The SDK's standard credential chain (environment, shared profile, IRSA web identity through AWSSDK.SecurityToken,
/// EKS Pod Identity, instance metadata), resolved on first use rather than when the client is built, so the operator
/// starts (and reports a clear error on its first call) even where no credentials exist yet. The resolved provider
/// refreshes itself (web identity, container and IMDS credentials expire).
/// </summary>
internal sealed class DefaultChainCredentials : AWSCredentials
{
    private readonly Lazy<AWSCredentials> chain = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials());

    public override ImmutableCredentials GetCredentials() => chain.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => chain.Value.GetCredentialsAsync();
}
