using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// DB subnet groups and their rules: subnets that exist, one VPC, at least two Availability Zones; a group in use keeps
/// the zones its instances run in; the default group (the default VPC's subnets) exists from the start.
/// </summary>
internal sealed class RdsSubnetGroupStore
{
    public const string DefaultName = "default";

    private readonly SimWorld world;
    private readonly RdsInstanceTable instances;
    private readonly Dictionary<string, RdsSubnetGroup> groups = new(StringComparer.Ordinal);

    public RdsSubnetGroupStore(SimWorld world, RdsInstanceTable instances)
    {
        this.world = world;
        this.instances = instances;
        groups[DefaultName] = new RdsSubnetGroup(DefaultName, DefaultName, SandboxNetwork.VpcId, world.Network.DefaultSubnets(),
            RdsNames.Arn(world, "subgrp", DefaultName));
    }

    public RdsSubnetGroup Create(string name, string description, IReadOnlyList<string> subnetIds, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        lock (world.Gate)
        {
            name = name.ToLowerInvariant();
            if (groups.ContainsKey(name))
            {
                throw new AwsSimException(RdsErrors.SubnetGroupAlreadyExists, $"The DB subnet group '{name}' already exists.");
            }

            var vpcId = CheckSubnets(subnetIds);
            var group = new RdsSubnetGroup(name, description, vpcId, [.. subnetIds.Distinct()], RdsNames.Arn(world, "subgrp", name));
            foreach (var (key, value) in tags)
            {
                group.Tags[key] = value;
            }

            groups[name] = group;
            world.Faults.NoteCreated(RdsNames.Service, "subgrp:" + name);
            return group;
        }
    }

    /// <summary>Replaces the group's subnets (and description when given). A zone an instance of the group runs in must
    /// stay covered (SubnetAlreadyInUse).</summary>
    public RdsSubnetGroup Modify(string name, string? description, IReadOnlyList<string> subnetIds)
    {
        lock (world.Gate)
        {
            instances.Advance();
            var group = Find(name);
            var vpcId = CheckSubnets(subnetIds);
            var zones = subnetIds.Select(s => world.Network.FindSubnet(s)!.Value.AvailabilityZone).ToHashSet(StringComparer.Ordinal);
            if (instances.UsingSubnetGroup(group.Name).Any(i => !zones.Contains(i.AvailabilityZone)))
            {
                throw new AwsSimException(RdsErrors.SubnetAlreadyInUse, "The DB subnet is already in use in the Availability Zone.");
            }

            group.SubnetIds = [.. subnetIds.Distinct()];
            group.VpcId = vpcId;
            group.Description = description ?? group.Description;
            return group;
        }
    }

    public void Delete(string name)
    {
        lock (world.Gate)
        {
            instances.Advance();
            var group = Find(name);
            if (group.Name == DefaultName)
            {
                throw new AwsSimException(RdsErrors.InvalidSubnetGroupState, "Cannot delete default subnet group");
            }

            if (instances.UsingSubnetGroup(group.Name).Any())
            {
                throw new AwsSimException(RdsErrors.InvalidSubnetGroupState,
                    $"Cannot delete the subnet group '{group.Name}' because at least one database instance: is still using it.");
            }

            groups.Remove(group.Name);
        }
    }

    /// <summary>The named group, or every visible group sorted by name.</summary>
    public IReadOnlyList<RdsSubnetGroup> List(string? name)
    {
        lock (world.Gate)
        {
            return name is not null
                ? [Find(name)]
                : [.. groups.Values.Where(g => !world.Faults.IsHidden(RdsNames.Service, "subgrp:" + g.Name)).OrderBy(g => g.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The group; DBSubnetGroupNotFoundFault (404) when it does not exist or is not visible yet.</summary>
    public RdsSubnetGroup Find(string name)
    {
        lock (world.Gate)
        {
            var key = name.ToLowerInvariant();
            return groups.TryGetValue(key, out var group) && !world.Faults.IsHidden(RdsNames.Service, "subgrp:" + key)
                ? group
                : throw RdsErrors.SubnetGroupMissing(name);
        }
    }

    /// <summary>The group an instance was created in (always present: a group in use cannot be deleted).</summary>
    public RdsSubnetGroup Of(RdsInstance instance)
    {
        lock (world.Gate)
        {
            return groups[instance.SubnetGroupName];
        }
    }

    /// <summary>Every group (for the state dump; call under the gate).</summary>
    public IEnumerable<RdsSubnetGroup> All => groups.Values;

    /// <summary>Checks the subnets exist, share one VPC and cover two zones; returns the VPC.</summary>
    private string CheckSubnets(IReadOnlyList<string> subnetIds)
    {
        if (subnetIds.Count == 0)
        {
            throw SimErrors.Missing("SubnetIds");
        }

        var found = subnetIds.Select(id => (Id: id, Info: world.Network.FindSubnet(id))).ToList();
        if (found.Where(f => f.Info is null).Select(f => f.Id).ToList() is { Count: > 0 } invalid)
        {
            throw new AwsSimException(RdsErrors.InvalidSubnet, $"Some input subnets in :[{string.Join(", ", invalid)}] are invalid.");
        }

        var vpcs = found.Select(f => f.Info!.Value.VpcId).Distinct().ToList();
        if (vpcs.Count > 1)
        {
            throw new AwsSimException(RdsErrors.InvalidSubnet, "Subnets in a DB subnet group must all be in the same VPC.");
        }

        var zones = found.Select(f => f.Info!.Value.AvailabilityZone).Distinct().Order(StringComparer.Ordinal).ToList();
        if (zones.Count < 2)
        {
            throw new AwsSimException(RdsErrors.SubnetGroupNotEnoughAzs,
                $"The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: {string.Join(", ", zones)}. Add subnets to cover at least 2 AZs.");
        }

        return vpcs[0];
    }
}
