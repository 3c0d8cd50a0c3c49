using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>Tags of any RDS resource, addressed by ARN: <c>arn:aws:rds:region:account:db|pg|subgrp|snapshot:name</c>.</summary>
internal sealed class RdsTagStore(
    SimWorld world, RdsInstanceStore instances, RdsParameterGroupStore parameterGroups, RdsSubnetGroupStore subnetGroups, RdsSnapshotStore snapshots)
{
    public void Add(string arn, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        lock (world.Gate)
        {
            var target = TagsOf(arn);
            foreach (var (key, value) in tags)
            {
                target[key] = value;
            }
        }
    }

    public void Remove(string arn, IReadOnlyList<string> keys)
    {
        lock (world.Gate)
        {
            var target = TagsOf(arn);
            foreach (var key in keys)
            {
                target.Remove(key);
            }
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> List(string arn)
    {
        lock (world.Gate)
        {
            return [.. TagsOf(arn)];
        }
    }

    /// <summary>The live tag set of the resource the ARN names (call under the gate).</summary>
    private Dictionary<string, string> TagsOf(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != RdsNames.Service)
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
            "db" => instances.Find(name).Tags,
            "pg" => parameterGroups.Find(name).Tags,
            "subgrp" => subnetGroups.Find(name).Tags,
            "snapshot" => snapshots.Find(name).Tags,
            _ => throw SimErrors.Invalid($"Invalid resource name: {arn}"),
        };
    }
}
