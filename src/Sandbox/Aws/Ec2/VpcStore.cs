using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Ec2;

/// <summary>
/// VPCs and subnets: seeded with the default VPC and its two subnets from <see cref="SandboxNetwork"/>; describes with
/// EC2's filters. Every member takes <see cref="SimWorld.Gate"/>; describes return snapshots.
/// </summary>
internal sealed class VpcStore
{
    private readonly SimWorld world;
    private readonly Dictionary<string, Ec2Vpc> vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Ec2Subnet> subnets = new(StringComparer.Ordinal);

    public VpcStore(SimWorld world)
    {
        this.world = world;
        var vpc = new Ec2Vpc(SandboxNetwork.VpcId, SandboxNetwork.VpcCidr, IsDefault: true);
        vpcs[vpc.VpcId] = vpc;
        subnets[SandboxNetwork.SubnetA] = new Ec2Subnet(SandboxNetwork.SubnetA, vpc.VpcId, SandboxNetwork.SubnetACidr, SandboxNetwork.SubnetAZone, true);
        subnets[SandboxNetwork.SubnetC] = new Ec2Subnet(SandboxNetwork.SubnetC, vpc.VpcId, SandboxNetwork.SubnetCCidr, SandboxNetwork.SubnetCZone, true);
    }

    /// <summary>The default VPC's id.</summary>
    public string DefaultVpcId
    {
        get
        {
            lock (world.Gate)
            {
                return vpcs.Values.First(v => v.IsDefault).VpcId;
            }
        }
    }

    /// <summary>Adds a VPC with the given subnets; returns its id.</summary>
    public string AddVpc(string cidrBlock, IEnumerable<(string SubnetId, string Cidr, string Zone)> subnetsOfVpc)
    {
        lock (world.Gate)
        {
            var vpc = new Ec2Vpc(world.Ids.Ec2Style("vpc"), cidrBlock, IsDefault: false);
            vpcs[vpc.VpcId] = vpc;
            foreach (var (subnetId, cidr, zone) in subnetsOfVpc)
            {
                subnets[subnetId] = new Ec2Subnet(subnetId, vpc.VpcId, cidr, zone, false);
            }

            return vpc.VpcId;
        }
    }

    public bool VpcExists(string vpcId)
    {
        lock (world.Gate)
        {
            return vpcs.ContainsKey(vpcId);
        }
    }

    public Ec2Subnet? FindSubnet(string subnetId)
    {
        lock (world.Gate)
        {
            return subnets.GetValueOrDefault(subnetId);
        }
    }

    /// <summary>The default VPC's default-for-zone subnets, by id.</summary>
    public IReadOnlyList<string> DefaultSubnets()
    {
        lock (world.Gate)
        {
            var vpc = vpcs.Values.First(v => v.IsDefault).VpcId;
            return [.. subnets.Values.Where(s => s.VpcId == vpc && s.DefaultForAz).Select(s => s.SubnetId).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>DescribeVpcs: the named VPCs (each must exist) or all, filtered.</summary>
    public IReadOnlyList<Ec2Vpc> DescribeVpcs(IReadOnlyList<string> ids, IReadOnlyList<Ec2Filter> filters)
    {
        lock (world.Gate)
        {
            foreach (var id in ids.Where(id => !vpcs.ContainsKey(id)))
            {
                throw Ec2Errors.VpcMissing(id);
            }

            return [.. Ec2Filters.Apply(vpcs.Values.Where(v => ids.Count == 0 || ids.Contains(v.VpcId)), filters, v => v.Tags,
                new Dictionary<string, Func<Ec2Vpc, IEnumerable<string?>>>
                {
                    ["vpc-id"] = v => [v.VpcId],
                    ["is-default"] = v => [v.IsDefault ? "true" : "false"],
                    ["isDefault"] = v => [v.IsDefault ? "true" : "false"],
                    ["cidr"] = v => [v.CidrBlock],
                    ["cidr-block-association.cidr-block"] = v => [v.CidrBlock],
                    ["state"] = _ => ["available"],
                    ["owner-id"] = _ => [world.AccountId],
                }).Select(v => v.Snapshot())];
        }
    }

    /// <summary>DescribeSubnets: the named subnets (each must exist) or all, filtered.</summary>
    public IReadOnlyList<Ec2Subnet> DescribeSubnets(IReadOnlyList<string> ids, IReadOnlyList<Ec2Filter> filters)
    {
        lock (world.Gate)
        {
            foreach (var id in ids.Where(id => !subnets.ContainsKey(id)))
            {
                throw Ec2Errors.SubnetMissing(id);
            }

            return [.. Ec2Filters.Apply(subnets.Values.Where(s => ids.Count == 0 || ids.Contains(s.SubnetId)), filters, s => s.Tags,
                new Dictionary<string, Func<Ec2Subnet, IEnumerable<string?>>>
                {
                    ["vpc-id"] = s => [s.VpcId],
                    ["subnet-id"] = s => [s.SubnetId],
                    ["availability-zone"] = s => [s.AvailabilityZone],
                    ["availabilityZone"] = s => [s.AvailabilityZone],
                    ["default-for-az"] = s => [s.DefaultForAz ? "true" : "false"],
                    ["defaultForAz"] = s => [s.DefaultForAz ? "true" : "false"],
                    ["cidr-block"] = s => [s.CidrBlock],
                    ["state"] = _ => ["available"],
                    ["owner-id"] = _ => [world.AccountId],
                }).Select(s => s.Snapshot())];
        }
    }

    /// <summary>The live tags of a VPC or subnet (call under the gate), or null when it does not exist.</summary>
    public Dictionary<string, string>? TagsOfLocked(string resourceId) =>
        vpcs.TryGetValue(resourceId, out var vpc) ? vpc.Tags
        : subnets.TryGetValue(resourceId, out var subnet) ? subnet.Tags
        : null;

    /// <summary>Every tag of every VPC and subnet (call under the gate).</summary>
    public IEnumerable<Ec2TagEntry> AllTagsLocked() =>
        vpcs.Values.SelectMany(v => v.Tags.Select(t => new Ec2TagEntry(v.VpcId, "vpc", t.Key, t.Value)))
            .Concat(subnets.Values.SelectMany(s => s.Tags.Select(t => new Ec2TagEntry(s.SubnetId, "subnet", t.Key, t.Value))));

    /// <summary>Snapshots for the state dump (call under the gate).</summary>
    public (IReadOnlyList<Ec2Vpc> Vpcs, IReadOnlyList<Ec2Subnet> Subnets) SnapshotLocked() =>
        ([.. vpcs.Values.Select(v => v.Snapshot())], [.. subnets.Values.Select(s => s.Snapshot())]);
}
