using Ebops.Sandbox.Aws.Core;
using static Ebops.Sandbox.Aws.Core.SimXml;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Snapshots, subnet groups and tags.</summary>
internal sealed partial class RdsHandler
{
    private SimResponse DescribeDBSnapshots(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        IEnumerable<RdsSnapshot> selected = snapshots.Values.Where(s => !world.Faults.IsHidden(Service, s.Identifier));
        if (p.Get("DBSnapshotIdentifier") is { } id)
        {
            selected = [FindSnapshot(id)];
        }

        if (p.Get("DBInstanceIdentifier") is { } instanceId)
        {
            selected = selected.Where(s => s.InstanceIdentifier == instanceId.ToLowerInvariant());
        }

        if (p.Get("SnapshotType") is { } type)
        {
            selected = selected.Where(s => s.SnapshotType == type);
        }

        var page = Page(p, "db-snapshots", [.. selected.OrderBy(s => s.Identifier, StringComparer.Ordinal)]);
        return QueryResponse(request, E("DBSnapshots", page.Items.Select(s => SnapshotXml(s, now))), Opt("Marker", page.NextToken));
    }

    private SimResponse DeleteDBSnapshot(SimRequest request, SimParams p)
    {
        var now = world.Time.GetUtcNow();
        var snapshot = FindSnapshot(p.Required("DBSnapshotIdentifier"));
        if (SnapshotStatus(snapshot, now) != RdsStatus.Available)
        {
            throw new AwsSimException("InvalidDBSnapshotState", "Cannot delete the snapshot because it is not in available state.");
        }

        snapshots.Remove(snapshot.Identifier);
        return QueryResponse(request, SnapshotXml(snapshot, now));
    }

    private SimResponse CreateDBSubnetGroup(SimRequest request, SimParams p)
    {
        var name = p.Required("DBSubnetGroupName").ToLowerInvariant();
        var description = p.Required("DBSubnetGroupDescription");
        var subnetIds = p.List("SubnetIds.SubnetIdentifier");
        if (subnetIds.Count == 0)
        {
            throw SimErrors.Missing("SubnetIds");
        }

        if (subnetGroups.ContainsKey(name))
        {
            throw new AwsSimException(RdsErrors.SubnetGroupAlreadyExists, $"The DB subnet group '{name}' already exists.");
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

        var group = new RdsSubnetGroup(name, description, vpcs[0], [.. subnetIds.Distinct()], Arn("subgrp", name));
        foreach (var (key, value) in p.Pairs("Tags.Tag"))
        {
            group.Tags[key] = value;
        }

        subnetGroups[name] = group;
        world.Faults.NoteCreated(Service, "subgrp:" + name);
        return QueryResponse(request, SubnetGroupXml(group));
    }

    private SimResponse DescribeDBSubnetGroups(SimRequest request, SimParams p)
    {
        IEnumerable<RdsSubnetGroup> selected = subnetGroups.Values.Where(g => !world.Faults.IsHidden(Service, "subgrp:" + g.Name));
        if (p.Get("DBSubnetGroupName") is { } name)
        {
            selected = [FindSubnetGroup(name)];
        }

        var page = Page(p, "db-subnet-groups", [.. selected.OrderBy(g => g.Name, StringComparer.Ordinal)]);
        return QueryResponse(request, E("DBSubnetGroups", page.Items.Select(SubnetGroupXml)), Opt("Marker", page.NextToken));
    }

    private SimResponse DeleteDBSubnetGroup(SimRequest request, SimParams p)
    {
        var group = FindSubnetGroup(p.Required("DBSubnetGroupName"));
        if (group.Name == "default")
        {
            throw new AwsSimException("InvalidDBSubnetGroupStateFault", "Cannot delete default subnet group");
        }

        if (instances.Values.Any(i => i.SubnetGroupName == group.Name))
        {
            throw new AwsSimException("InvalidDBSubnetGroupStateFault", $"Cannot delete the subnet group '{group.Name}' because at least one database instance: is still using it.");
        }

        subnetGroups.Remove(group.Name);
        return QueryResponse(request);
    }

    private SimResponse AddTagsToResource(SimRequest request, SimParams p)
    {
        var tags = TagsFor(p.Required("ResourceName"));
        var pairs = p.Pairs("Tags.Tag");
        if (pairs.Count == 0)
        {
            throw SimErrors.Missing("Tags");
        }

        foreach (var (key, value) in pairs)
        {
            tags[key] = value;
        }

        return QueryResponse(request);
    }

    private SimResponse ListTagsForResource(SimRequest request, SimParams p)
    {
        var tags = TagsFor(p.Required("ResourceName"));
        return QueryResponse(request, TagListXml(tags));
    }

    private SimResponse RemoveTagsFromResource(SimRequest request, SimParams p)
    {
        var tags = TagsFor(p.Required("ResourceName"));
        var keys = p.List("TagKeys.member");
        if (keys.Count == 0)
        {
            throw SimErrors.Missing("TagKeys");
        }

        foreach (var key in keys)
        {
            tags.Remove(key);
        }

        return QueryResponse(request);
    }

    /// <summary>Tags of the resource an ARN names: arn:aws:rds:region:account:db|pg|subgrp|snapshot:name.</summary>
    private Dictionary<string, string> TagsFor(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != Service)
        {
            throw SimErrors.Invalid($"Invalid resource name: {arn}");
        }

        if (parts[3] != world.Region || parts[4] != world.AccountId)
        {
            throw SimErrors.Invalid($"The specified resource name does not match an RDS resource in this region. ({arn})");
        }

        var name = parts[6];
        return parts[5] switch
        {
            "db" => Find(name).Tags,
            "pg" => FindParameterGroup(name).Tags,
            "subgrp" => FindSubnetGroup(name).Tags,
            "snapshot" => FindSnapshot(name).Tags,
            _ => throw SimErrors.Invalid($"Invalid resource name: {arn}"),
        };
    }

    private RdsSnapshot FindSnapshot(string identifier)
    {
        var id = identifier.ToLowerInvariant();
        return snapshots.TryGetValue(id, out var snapshot) && !world.Faults.IsHidden(Service, id)
            ? snapshot
            : throw RdsErrors.SnapshotMissing(identifier);
    }

    private RdsSubnetGroup FindSubnetGroup(string name)
    {
        var key = name.ToLowerInvariant();
        return subnetGroups.TryGetValue(key, out var group) && !world.Faults.IsHidden(Service, "subgrp:" + key)
            ? group
            : throw RdsErrors.SubnetGroupMissing(name);
    }
}
