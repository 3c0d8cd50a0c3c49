namespace Ebops.Sandbox.Aws.Elbv2;

/// <summary>One SubnetMappings entry of CreateLoadBalancer.</summary>
internal sealed record SubnetMappingInput(string SubnetId, string? AllocationId);
