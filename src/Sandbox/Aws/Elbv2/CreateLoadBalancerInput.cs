namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>CreateLoadBalancer's parameters.</summary>
internal sealed record CreateLoadBalancerInput(
    string Name,
    string? Type,
    string? Scheme,
    IReadOnlyList<SubnetMappingInput> Subnets,
    IReadOnlyList<string> SecurityGroups,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    string? IpAddressType = null);
