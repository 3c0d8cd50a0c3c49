using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>What the checks before the first create look at (read from AWS and the caches, nothing written).</summary>
/// <param name="Subnets">The spec's subnets that exist, by id.</param>
/// <param name="BackendVpcId">The VPC of the backend BeanstalkApp, when it says.</param>
/// <param name="GivenAddresses">Each given allocation id and the address, or null when it does not exist.</param>
/// <param name="OtherFrontends">Other NlbFrontends in front of the same BeanstalkApp.</param>
/// <param name="AlbRegistrations">Each ALB of the backend's environments and the alb-type target groups it is already registered in.</param>
internal sealed record NlbPreflightFacts(
    IReadOnlyDictionary<string, PlacedSubnet> Subnets,
    string? BackendVpcId,
    IReadOnlyDictionary<string, ElasticIpObserved?> GivenAddresses,
    IReadOnlyList<string> OtherFrontends,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AlbRegistrations);
