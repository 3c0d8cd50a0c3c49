using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>RDS (2014-10-31).</summary>
internal sealed class RdsHandler(SimWorld world) : IAwsServiceHandler
{
    public string SigningName => "rds";

    public ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        _ = world;
        throw SimErrors.UnknownAction(request);
    }
}
