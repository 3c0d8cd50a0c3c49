using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Tests.Aws.SimModel;

/// <summary>A stateful in-memory <see cref="ISimNetwork"/>: the default VPC's two subnets, security groups, Elastic IPs.</summary>
internal sealed class FakeSimNetwork : ISimNetwork
{
    private readonly Dictionary<string, (string VpcId, string Zone)> subnets = new(StringComparer.Ordinal)
    {
        [SandboxNetwork.SubnetA] = (SandboxNetwork.VpcId, SandboxNetwork.SubnetAZone),
        [SandboxNetwork.SubnetC] = (SandboxNetwork.VpcId, SandboxNetwork.SubnetCZone),
    };

    private int next;

    private readonly Dictionary<string, SecurityGroupInfo> securityGroups = new()
    {
        ["sg-0default000000000"] = new SecurityGroupInfo("sg-0default000000000", "default", SandboxNetwork.VpcId),
    };

    public IReadOnlyDictionary<string, SecurityGroupInfo> SecurityGroups => securityGroups;

    /// <summary>Allocation id → (public IP, associated network interface or null).</summary>
    public Dictionary<string, (string Ip, string? Eni)> ElasticIps { get; } = [];

    public string AllocateElasticIp()
    {
        var id = $"eipalloc-{++next:x17}";
        ElasticIps[id] = ($"3.38.{next / 250}.{next % 250 + 1}", null);
        return id;
    }

    public string AddVpc(string cidrBlock, params (string SubnetId, string Cidr, string Zone)[] subnetsOfVpc)
    {
        var vpcId = $"vpc-{++next:x17}";
        foreach (var (subnetId, _, zone) in subnetsOfVpc)
        {
            subnets[subnetId] = (vpcId, zone);
        }

        return vpcId;
    }

    public (string VpcId, string AvailabilityZone)? FindSubnet(string subnetId) => subnets.TryGetValue(subnetId, out var s) ? s : null;

    public IReadOnlyList<string> DefaultSubnets() => [SandboxNetwork.SubnetA, SandboxNetwork.SubnetC];

    public bool SecurityGroupExists(string groupId) => SecurityGroups.ContainsKey(groupId);

    public string CreateServiceSecurityGroup(string vpcId, string name, string description, IReadOnlyDictionary<string, string> tags)
    {
        var id = $"sg-{++next:x17}";
        securityGroups[id] = new SecurityGroupInfo(id, name, vpcId);
        return id;
    }

    public void DeleteServiceSecurityGroup(string groupId) => securityGroups.Remove(groupId);

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
