using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Ebops.Operator.Aws.Core;

/// <summary>
/// The generated SDK clients resolve their auth scheme from the endpoint ruleset; a hand-built client has none, and
/// without this handler the pipeline has no signer at all. Every Query service here is SigV4 only (model
/// <c>auth: aws.auth#sigv4</c>).
/// </summary>
internal sealed class SigV4OnlyAuthHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => [.. AuthSchemeOption.DEFAULT_SIGV4];
}
