using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// The EC2 state of the simulated account (VPCs, subnets, security groups, Elastic IPs, tags) and its
/// <see cref="ISimNetwork"/> face for Elastic Beanstalk and ELBv2. Seeded with the default VPC, its two subnets and
/// its <c>default</c> security group from <see cref="SandboxNetwork"/>. Every member takes <see cref="SimWorld.Gate"/>.
/// </summary>
public sealed class Ec2Network : ISimNetwork
{
    private readonly SimWorld world;
    private int addressCounter;

    internal Ec2Network(SimWorld world)
    {
        this.world = world;
        var vpc = new Ec2Vpc(SandboxNetwork.VpcId, SandboxNetwork.VpcCidr, IsDefault: true);
        Vpcs[vpc.VpcId] = vpc;
        Subnets[SandboxNetwork.SubnetA] = new Ec2Subnet(SandboxNetwork.SubnetA, vpc.VpcId, SandboxNetwork.SubnetACidr, SandboxNetwork.SubnetAZone, true);
        Subnets[SandboxNetwork.SubnetC] = new Ec2Subnet(SandboxNetwork.SubnetC, vpc.VpcId, SandboxNetwork.SubnetCCidr, SandboxNetwork.SubnetCZone, true);
        AddDefaultGroup(vpc.VpcId);
    }

    internal Dictionary<string, Ec2Vpc> Vpcs { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Ec2Subnet> Subnets { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Ec2SecurityGroup> SecurityGroups { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Ec2Address> Addresses { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a VPC with a subnet per zone (tests use it for "different VPC" checks); returns the VPC id.</summary>
    public string AddVpc(string cidrBlock, params (string SubnetId, string Cidr, string Zone)[] subnets)
    {
        lock (world.Gate)
        {
            var vpc = new Ec2Vpc(world.Ids.Ec2Style("vpc"), cidrBlock, IsDefault: false);
            Vpcs[vpc.VpcId] = vpc;
            foreach (var (subnetId, cidr, zone) in subnets)
            {
                Subnets[subnetId] = new Ec2Subnet(subnetId, vpc.VpcId, cidr, zone, false);
            }

            AddDefaultGroup(vpc.VpcId);
            return vpc.VpcId;
        }
    }

    /// <summary>A snapshot of a security group's ingress rules, or null when the group does not exist.</summary>
    public IReadOnlyList<Ec2Rule>? IngressOf(string groupId)
    {
        lock (world.Gate)
        {
            return SecurityGroups.TryGetValue(groupId, out var group) ? [.. group.Ingress] : null;
        }
    }

    public (string VpcId, string AvailabilityZone)? FindSubnet(string subnetId)
    {
        lock (world.Gate)
        {
            return Subnets.TryGetValue(subnetId, out var subnet) ? (subnet.VpcId, subnet.AvailabilityZone) : null;
        }
    }

    public IReadOnlyList<string> DefaultSubnets()
    {
        lock (world.Gate)
        {
            var vpc = Vpcs.Values.First(v => v.IsDefault).VpcId;
            return [.. Subnets.Values.Where(s => s.VpcId == vpc && s.DefaultForAz).Select(s => s.SubnetId).Order(StringComparer.Ordinal)];
        }
    }

    public bool SecurityGroupExists(string groupId)
    {
        lock (world.Gate)
        {
            return SecurityGroups.ContainsKey(groupId);
        }
    }

    public string CreateServiceSecurityGroup(string vpcId, string name, string description, IReadOnlyDictionary<string, string> tags)
    {
        lock (world.Gate)
        {
            if (!Vpcs.ContainsKey(vpcId))
            {
                throw Ec2Errors.VpcMissing(vpcId);
            }

            if (SecurityGroups.Values.Any(g => g.VpcId == vpcId && g.GroupName == name))
            {
                throw new AwsSimException(Ec2Errors.GroupDuplicate, $"The security group '{name}' already exists for VPC '{vpcId}'");
            }

            var group = NewGroup(name, description, vpcId, ownedBy: "service");
            foreach (var (key, value) in tags)
            {
                group.Tags[key] = value;
            }

            return group.GroupId;
        }
    }

    public void DeleteServiceSecurityGroup(string groupId)
    {
        lock (world.Gate)
        {
            SecurityGroups.Remove(groupId);
            foreach (var group in SecurityGroups.Values)
            {
                group.Ingress.RemoveAll(r => r.SourceGroupId == groupId);
                group.Egress.RemoveAll(r => r.SourceGroupId == groupId);
            }
        }
    }

    public string? FindElasticIp(string allocationId)
    {
        lock (world.Gate)
        {
            return Addresses.TryGetValue(allocationId, out var address) ? address.PublicIp : null;
        }
    }

    public void AssociateElasticIp(string allocationId, string networkInterfaceId)
    {
        lock (world.Gate)
        {
            var address = Addresses.GetValueOrDefault(allocationId) ?? throw Ec2Errors.AllocationMissing(allocationId);
            if (address.NetworkInterfaceId is not null && address.NetworkInterfaceId != networkInterfaceId)
            {
                throw new AwsSimException(Ec2Errors.AlreadyAssociated,
                    $"resource {allocationId} is already associated with associate-id {address.AssociationId}");
            }

            address.NetworkInterfaceId = networkInterfaceId;
            address.AssociationId ??= world.Ids.Ec2Style("eipassoc");
        }
    }

    public void DisassociateElasticIp(string allocationId)
    {
        lock (world.Gate)
        {
            if (Addresses.TryGetValue(allocationId, out var address))
            {
                address.NetworkInterfaceId = null;
                address.AssociationId = null;
            }
        }
    }

    internal Ec2SecurityGroup NewGroup(string name, string description, string vpcId, string? ownedBy)
    {
        var group = new Ec2SecurityGroup(world.Ids.SecurityGroupId(), name, description, vpcId, ownedBy);
        group.Egress.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), "-1", null, null, "0.0.0.0/0", null, null));
        SecurityGroups[group.GroupId] = group;
        world.Faults.NoteCreated("ec2", group.GroupId);
        return group;
    }

    /// <summary>Deterministic public IPs from the documentation ranges (TEST-NET-3, then TEST-NET-2).</summary>
    internal string NextPublicIp()
    {
        var n = addressCounter++;
        return n < 240 ? $"203.0.113.{10 + n}" : $"198.51.100.{10 + ((n - 240) % 240)}";
    }

    internal JsonNode DumpState()
    {
        lock (world.Gate)
        {
            static JsonObject TagsJson(Dictionary<string, string> tags) =>
                new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
            static JsonArray RulesJson(List<Ec2Rule> rules) => new([.. rules.Select(r => (JsonNode)new JsonObject
            {
                ["ruleId"] = r.RuleId, ["protocol"] = r.Protocol, ["fromPort"] = r.FromPort, ["toPort"] = r.ToPort,
                ["cidrIp"] = r.CidrIp, ["sourceGroupId"] = r.SourceGroupId, ["description"] = r.Description,
            })]);
            return new JsonObject
            {
                ["vpcs"] = new JsonArray([.. Vpcs.Values.Select(v => (JsonNode)new JsonObject
                {
                    ["vpcId"] = v.VpcId, ["cidrBlock"] = v.CidrBlock, ["isDefault"] = v.IsDefault, ["tags"] = TagsJson(v.Tags),
                })]),
                ["subnets"] = new JsonArray([.. Subnets.Values.Select(s => (JsonNode)new JsonObject
                {
                    ["subnetId"] = s.SubnetId, ["vpcId"] = s.VpcId, ["cidrBlock"] = s.CidrBlock,
                    ["availabilityZone"] = s.AvailabilityZone, ["tags"] = TagsJson(s.Tags),
                })]),
                ["securityGroups"] = new JsonArray([.. SecurityGroups.Values.Select(g => (JsonNode)new JsonObject
                {
                    ["groupId"] = g.GroupId, ["groupName"] = g.GroupName, ["description"] = g.Description,
                    ["vpcId"] = g.VpcId, ["ownedBy"] = g.OwnedBy, ["tags"] = TagsJson(g.Tags),
                    ["ingress"] = RulesJson(g.Ingress), ["egress"] = RulesJson(g.Egress),
                })]),
                ["addresses"] = new JsonArray([.. Addresses.Values.Select(a => (JsonNode)new JsonObject
                {
                    ["allocationId"] = a.AllocationId, ["publicIp"] = a.PublicIp, ["associationId"] = a.AssociationId,
                    ["networkInterfaceId"] = a.NetworkInterfaceId, ["tags"] = TagsJson(a.Tags),
                })]),
            };
        }
    }

    private void AddDefaultGroup(string vpcId)
    {
        var group = NewGroup("default", "default VPC security group", vpcId, ownedBy: "default");
        group.Ingress.Add(new Ec2Rule(world.Ids.Ec2Style("sgr"), "-1", null, null, null, group.GroupId, null));
    }
}
