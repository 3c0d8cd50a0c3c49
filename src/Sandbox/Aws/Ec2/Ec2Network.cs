using System.Text.Json.Nodes;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// The EC2 simulation's state, one store per aggregate (VPCs and subnets, security groups, Elastic IPs, tags), and its
/// <see cref="ISimNetwork"/> face for Elastic Beanstalk, ELBv2 and RDS. Seeded with the default VPC, its two subnets and
/// its <c>default</c> security group from <see cref="SandboxNetwork"/>. The world creates it through
/// <see cref="SimWorldOptions.Network"/>; every member takes <see cref="SimWorld.Gate"/>.
/// </summary>
public sealed class Ec2Network : ISimNetwork, ISimStateSource
{
    private readonly Lock gate;

    internal Ec2Network(SimWorld world)
    {
        Vpcs = new VpcStore(world);
        Groups = new SecurityGroupStore(world, Vpcs);
        Addresses = new AddressStore(world);
        Tags = new Ec2TagStore(world, Vpcs, Groups, Addresses);
        Groups.AddDefaultGroup(SandboxNetwork.VpcId);
        gate = world.Gate;
    }

    public string StateName => "ec2";

    public IReadOnlyDictionary<string, SecurityGroupInfo> SecurityGroups => Groups.Infos();

    internal VpcStore Vpcs { get; }

    internal SecurityGroupStore Groups { get; }

    internal AddressStore Addresses { get; }

    internal Ec2TagStore Tags { get; }

    /// <summary>The world's network when it is this simulation (the EC2 handler needs its stores).</summary>
    public static Ec2Network For(SimWorld world) => world.Network as Ec2Network
        ?? throw new InvalidOperationException("The EC2 simulation needs the world's network to be the EC2 simulation (SimWorldOptions.Network).");

    /// <summary>Adds a VPC with a subnet per zone (tests use it for "different VPC" checks); returns the VPC id.</summary>
    public string AddVpc(string cidrBlock, params (string SubnetId, string Cidr, string Zone)[] subnets)
    {
        lock (gate)
        {
            var vpcId = Vpcs.AddVpc(cidrBlock, subnets);
            Groups.AddDefaultGroup(vpcId);
            return vpcId;
        }
    }

    /// <summary>A snapshot of a security group's ingress rules, or null when the group does not exist.</summary>
    public IReadOnlyList<Ec2Rule>? IngressOf(string groupId) => Groups.IngressOf(groupId);

    public (string VpcId, string AvailabilityZone)? FindSubnet(string subnetId) =>
        Vpcs.FindSubnet(subnetId) is { } subnet ? (subnet.VpcId, subnet.AvailabilityZone) : null;

    public IReadOnlyList<string> DefaultSubnets() => Vpcs.DefaultSubnets();

    public bool SecurityGroupExists(string groupId) => Groups.Exists(groupId);

    public string CreateServiceSecurityGroup(string vpcId, string name, string description, IReadOnlyDictionary<string, string> tags) =>
        Groups.Create(name, description, vpcId, tags, ownedBy: "service").GroupId;

    public void DeleteServiceSecurityGroup(string groupId) => Groups.DeleteServiceGroup(groupId);

    public string? FindElasticIp(string allocationId) => Addresses.PublicIpOf(allocationId);

    public void AssociateElasticIp(string allocationId, string networkInterfaceId) => Addresses.Associate(allocationId, networkInterfaceId);

    public void DisassociateElasticIp(string allocationId) => Addresses.Disassociate(allocationId);

    public JsonNode DumpState()
    {
        lock (gate)
        {
            var (vpcs, subnets) = Vpcs.SnapshotLocked();
            return new JsonObject
            {
                ["vpcs"] = new JsonArray([.. vpcs.Select(v => (JsonNode)new JsonObject
                {
                    ["vpcId"] = v.VpcId, ["cidrBlock"] = v.CidrBlock, ["isDefault"] = v.IsDefault, ["tags"] = TagsJson(v.Tags),
                })]),
                ["subnets"] = new JsonArray([.. subnets.Select(s => (JsonNode)new JsonObject
                {
                    ["subnetId"] = s.SubnetId, ["vpcId"] = s.VpcId, ["cidrBlock"] = s.CidrBlock,
                    ["availabilityZone"] = s.AvailabilityZone, ["tags"] = TagsJson(s.Tags),
                })]),
                ["securityGroups"] = new JsonArray([.. Groups.SnapshotLocked().Select(g => (JsonNode)new JsonObject
                {
                    ["groupId"] = g.GroupId, ["groupName"] = g.GroupName, ["description"] = g.Description,
                    ["vpcId"] = g.VpcId, ["ownedBy"] = g.OwnedBy, ["tags"] = TagsJson(g.Tags),
                    ["ingress"] = RulesJson(g.Ingress), ["egress"] = RulesJson(g.Egress),
                })]),
                ["addresses"] = new JsonArray([.. Addresses.SnapshotLocked().Select(a => (JsonNode)new JsonObject
                {
                    ["allocationId"] = a.AllocationId, ["publicIp"] = a.PublicIp, ["associationId"] = a.AssociationId,
                    ["networkInterfaceId"] = a.NetworkInterfaceId, ["tags"] = TagsJson(a.Tags),
                })]),
            };
        }
    }

    private static JsonObject TagsJson(Dictionary<string, string> tags) =>
        new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

    private static JsonArray RulesJson(List<Ec2Rule> rules) => new([.. rules.Select(r => (JsonNode)new JsonObject
    {
        ["ruleId"] = r.RuleId, ["protocol"] = r.Protocol, ["fromPort"] = r.FromPort, ["toPort"] = r.ToPort,
        ["cidrIp"] = r.CidrIp, ["sourceGroupId"] = r.SourceGroupId, ["description"] = r.Description,
    })]);
}
