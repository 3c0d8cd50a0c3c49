using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>EC2 (2016-11-15).</summary>
internal sealed class Ec2Handler(SimWorld world) : IAwsServiceHandler
{
    public string SigningName => "ec2";

    public ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        _ = world;
        throw SimErrors.UnknownAction(request);
    }
}
