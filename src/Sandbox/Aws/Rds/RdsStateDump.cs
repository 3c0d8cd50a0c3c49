using System.Text.Json.Nodes;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>The RDS part of the simulator's state dump (<c>GET /_sim/state</c>); the password is never in it (only a hash
/// is kept, and that is not dumped).</summary>
internal static class RdsStateDump
{
    public static JsonNode Dump(RdsStores stores)
    {
        lock (stores.World.Gate)
        {
            stores.Table.Advance();
            var now = stores.World.Time.GetUtcNow();
            return new JsonObject
            {
                ["dbInstances"] = new JsonArray([.. stores.Instances.All.Select(i => (JsonNode)Instance(i, now))]),
                ["dbParameterGroups"] = new JsonArray([.. stores.ParameterGroups.Custom.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Name, ["family"] = g.Family, ["description"] = g.Description,
                    ["parameters"] = new JsonObject(g.Values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                    {
                        ["ParameterName"] = kv.Key, ["ParameterValue"] = kv.Value.Value, ["applyMethod"] = kv.Value.ApplyMethod,
                    }))),
                    ["tags"] = Tags(g.Tags),
                })]),
                ["dbSubnetGroups"] = new JsonArray([.. stores.SubnetGroups.All.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Name, ["vpcId"] = g.VpcId, ["subnets"] = new JsonArray([.. g.SubnetIds.Select(s => (JsonNode)s)]),
                })]),
                ["dbSnapshots"] = new JsonArray([.. stores.Snapshots.All.Select(s => (JsonNode)new JsonObject
                {
                    ["identifier"] = s.Identifier, ["instance"] = s.InstanceIdentifier, ["status"] = s.StatusAt(now), ["type"] = s.SnapshotType,
                })]),
            };
        }
    }

    private static JsonObject Instance(RdsInstance i, DateTimeOffset now) => new()
    {
        ["identifier"] = i.Identifier, ["status"] = i.Status, ["engine"] = i.Engine, ["engineVersion"] = i.EngineVersion,
        ["class"] = i.InstanceClass, ["allocatedStorage"] = i.AllocatedStorage, ["endpoint"] = i.EndpointAddress,
        ["masterUsername"] = i.MasterUsername, ["parameterGroup"] = i.ParameterGroupName,
        ["parameterApplyStatus"] = i.ParameterApplyStatus(now), ["securityGroups"] = new JsonArray([.. i.SecurityGroupIds.Select(g => (JsonNode)g)]),
        ["subnetGroup"] = i.SubnetGroupName, ["deletionProtection"] = i.DeletionProtection,
        ["publiclyAccessible"] = i.PubliclyAccessible, ["preferredMaintenanceWindow"] = i.PreferredMaintenanceWindow,
        ["pendingModifiedValues"] = new JsonObject(i.Pending.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["phases"] = new JsonArray([.. i.Phases.Select(ph => (JsonNode)new JsonObject { ["status"] = ph.Status, ["until"] = ph.Until.ToString("O") })]),
        ["tags"] = Tags(i.Tags),
    };

    private static JsonObject Tags(Dictionary<string, string> tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}
