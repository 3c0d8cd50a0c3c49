using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.SimModel;

/// <summary>A stateful in-memory <see cref="ISimNetwork"/>: the default VPC's two subnets, security groups, Elastic IPs.</summary>
internal sealed class FakeSimNetwork : ISimNetwork
{
    private readonly Dictionary<string, (string VpcId, string Zone)> _subnets = new()
    {
        [SandboxNetwork.SubnetA] = (SandboxNetwork.VpcId, SandboxNetwork.SubnetAZone),
        [SandboxNetwork.SubnetC] = (SandboxNetwork.VpcId, SandboxNetwork.SubnetCZone),
    };

    private int _next;

    public Dictionary<string, string> SecurityGroups { get; } = new() { ["sg-0default000000000"] = "default" };

    /// <summary>Allocation id → (public IP, associated network interface or null).</summary>
    public Dictionary<string, (string Ip, string? Eni)> ElasticIps { get; } = [];

    public string AllocateElasticIp()
    {
        var id = $"eipalloc-{++_next:x17}";
        ElasticIps[id] = ($"3.38.{_next / 250}.{_next % 250 + 1}", null);
        return id;
    }

    public (string VpcId, string AvailabilityZone)? FindSubnet(string subnetId) => _subnets.TryGetValue(subnetId, out var s) ? s : null;

    public IReadOnlyList<string> DefaultSubnets() => [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC];

    public bool SecurityGroupExists(string groupId) => SecurityGroups.ContainsKey(groupId);

    public string CreateServiceSecurityGroup(string vpcId, string name, string description, IReadOnlyDictionary<string, string> tags)
    {
        var id = $"sg-{++_next:x17}";
        SecurityGroups[id] = name;
        return id;
    }

    public void DeleteServiceSecurityGroup(string groupId) => SecurityGroups.Remove(groupId);

    public string? FindElasticIp(string allocationId) => ElasticIps.TryGetValue(allocationId, out var e) ? e.Ip : null;

    public void AssociateElasticIp(string allocationId, string networkInterfaceId)
    {
        if (!ElasticIps.TryGetValue(allocationId, out var eip))
        {
            throw new AwsSimException("InvalidAllocationID.NotFound", $"The allocation ID '{allocationId}' does not exist");
        }

        if (eip.Eni is not null)
        {
            throw new AwsSimException("Resource.AlreadyAssociated", $"resource {allocationId} is already associated with associate-id {eip.Eni}");
        }

        ElasticIps[allocationId] = (eip.Ip, networkInterfaceId);
    }

    public void DisassociateElasticIp(string allocationId)
    {
        if (ElasticIps.TryGetValue(allocationId, out var eip))
        {
            ElasticIps[allocationId] = (eip.Ip, null);
        }
    }
}
