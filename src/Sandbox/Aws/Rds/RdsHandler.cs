using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ebops.Sandbox.Aws.Core;

namespace Ebops.Sandbox.Aws.Rds;

/// <summary>
/// RDS (2014-10-31): DB instances (create, describe, modify, reboot, delete with a final snapshot), parameter groups
/// (create, describe, modify, delete, describe parameters), snapshots, subnet groups and tags. Lifecycles are lazy:
/// each instance holds a queue of timed statuses that is advanced to the world's clock at the start of every request,
/// so advancing a FakeTimeProvider changes what describes return and nothing runs in the background.
/// Lists use the model's locationNames: <c>VpcSecurityGroupIds.VpcSecurityGroupId.N</c>, <c>Tags.Tag.N.Key</c>,
/// <c>SubnetIds.SubnetIdentifier.N</c>, <c>Parameters.Parameter.N.ParameterName</c>, <c>Filters.Filter.N.Values.Value.M</c>,
/// <c>TagKeys.member.N</c>.
/// </summary>
internal sealed partial class RdsHandler : IAwsServiceHandler, ISimStateSource
{
    internal static readonly TimeSpan CreatingTime = TimeSpan.FromMinutes(8);
    internal static readonly TimeSpan BackingUpTime = TimeSpan.FromMinutes(2);
    internal static readonly TimeSpan ModifyingTime = TimeSpan.FromMinutes(2);
    internal static readonly TimeSpan RebootingTime = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan DeletingTime = TimeSpan.FromMinutes(3);
    internal static readonly TimeSpan SnapshotTime = TimeSpan.FromMinutes(2);
    internal static readonly TimeSpan ApplyingTime = TimeSpan.FromSeconds(30);

    private const string Service = "rds";
    private readonly SimWorld world;
    private readonly string endpointSuffix;
    private readonly byte[] passwordSalt;
    private readonly Dictionary<string, RdsInstance> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdsParameterGroup> parameterGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdsSubnetGroup> subnetGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdsSnapshot> snapshots = new(StringComparer.Ordinal);

    public RdsHandler(SimWorld world)
    {
        this.world = world;
        endpointSuffix = world.Ids.Alnum(12);
        passwordSalt = Encoding.UTF8.GetBytes(world.Ids.HexString(32));
        var defaultSubnets = world.Network.DefaultSubnets();
        subnetGroups["default"] = new RdsSubnetGroup("default", "default", SandboxNetwork.VpcId, defaultSubnets, Arn("subgrp", "default"));
        world.AddSecurityGroupUsage(() => instances.Values.SelectMany(i => i.SecurityGroupIds.Select(g => new SecurityGroupUse(g, "rds:" + i.Identifier))));
    }

    public string SigningName => Service;

    public string StateName => Service;

    public ValueTask<SimResponse> HandleAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var p = new SimParams(request.Parameters);
        lock (world.Gate)
        {
            Advance();
            var response = request.Action switch
            {
                "CreateDBInstance" => CreateDBInstance(request, p),
                "DescribeDBInstances" => DescribeDBInstances(request, p),
                "ModifyDBInstance" => ModifyDBInstance(request, p),
                "RebootDBInstance" => RebootDBInstance(request, p),
                "DeleteDBInstance" => DeleteDBInstance(request, p),
                "CreateDBParameterGroup" => CreateDBParameterGroup(request, p),
                "DescribeDBParameterGroups" => DescribeDBParameterGroups(request, p),
                "ModifyDBParameterGroup" => ModifyDBParameterGroup(request, p),
                "DeleteDBParameterGroup" => DeleteDBParameterGroup(request, p),
                "DescribeDBParameters" => DescribeDBParameters(request, p),
                "DescribeDBSnapshots" => DescribeDBSnapshots(request, p),
                "DeleteDBSnapshot" => DeleteDBSnapshot(request, p),
                "CreateDBSubnetGroup" => CreateDBSubnetGroup(request, p),
                "DescribeDBSubnetGroups" => DescribeDBSubnetGroups(request, p),
                "DeleteDBSubnetGroup" => DeleteDBSubnetGroup(request, p),
                "AddTagsToResource" => AddTagsToResource(request, p),
                "ListTagsForResource" => ListTagsForResource(request, p),
                "RemoveTagsFromResource" => RemoveTagsFromResource(request, p),
                _ => throw SimErrors.UnknownAction(request),
            };
            return ValueTask.FromResult(response);
        }
    }

    /// <summary>True when <paramref name="password"/> is the instance's current master password (in-process checks
    /// for rotation tests; the password itself is never stored).</summary>
    public bool PasswordMatches(string identifier, string password)
    {
        lock (world.Gate)
        {
            Advance();
            return instances.TryGetValue(identifier.ToLowerInvariant(), out var instance) && instance.PasswordHash == Hash(password);
        }
    }

    /// <summary>The instance's status now, or null when it does not exist (in-process).</summary>
    public string? StatusOf(string identifier)
    {
        lock (world.Gate)
        {
            Advance();
            return instances.TryGetValue(identifier.ToLowerInvariant(), out var instance) ? instance.Status : null;
        }
    }

    public JsonNode DumpState()
    {
        lock (world.Gate)
        {
            Advance();
            var now = world.Time.GetUtcNow();
            return new JsonObject
            {
                ["dbInstances"] = new JsonArray([.. instances.Values.Select(i => (JsonNode)new JsonObject
                {
                    ["identifier"] = i.Identifier, ["status"] = i.Status, ["engine"] = i.Engine, ["engineVersion"] = i.EngineVersion,
                    ["class"] = i.InstanceClass, ["allocatedStorage"] = i.AllocatedStorage, ["endpoint"] = i.EndpointAddress,
                    ["masterUsername"] = i.MasterUsername, ["parameterGroup"] = i.ParameterGroupName,
                    ["parameterApplyStatus"] = ParameterStatus(i, now), ["securityGroups"] = new JsonArray([.. i.SecurityGroupIds.Select(g => (JsonNode)g)]),
                    ["subnetGroup"] = i.SubnetGroupName, ["deletionProtection"] = i.DeletionProtection,
                    ["publiclyAccessible"] = i.PubliclyAccessible,
                    ["pendingModifiedValues"] = new JsonObject(i.Pending.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                    ["phases"] = new JsonArray([.. i.Phases.Select(ph => (JsonNode)new JsonObject { ["status"] = ph.Status, ["until"] = ph.Until.ToString("O") })]),
                    ["tags"] = Tags(i.Tags),
                })]),
                ["dbParameterGroups"] = new JsonArray([.. parameterGroups.Values.Where(g => !g.IsDefault).Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Name, ["family"] = g.Family, ["description"] = g.Description,
                    ["parameters"] = new JsonObject(g.Values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
                    {
                        ["ParameterName"] = kv.Key, ["ParameterValue"] = kv.Value.Value, ["applyMethod"] = kv.Value.ApplyMethod,
                    }))),
                    ["tags"] = Tags(g.Tags),
                })]),
                ["dbSubnetGroups"] = new JsonArray([.. subnetGroups.Values.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Name, ["vpcId"] = g.VpcId, ["subnets"] = new JsonArray([.. g.SubnetIds.Select(s => (JsonNode)s)]),
                })]),
                ["dbSnapshots"] = new JsonArray([.. snapshots.Values.Select(s => (JsonNode)new JsonObject
                {
                    ["identifier"] = s.Identifier, ["instance"] = s.InstanceIdentifier, ["status"] = SnapshotStatus(s, now), ["type"] = s.SnapshotType,
                })]),
            };
        }
    }

    /// <summary>Runs every timed transition that is due at the world's current time.</summary>
    private void Advance()
    {
        var now = world.Time.GetUtcNow();
        foreach (var instance in instances.Values.ToList())
        {
            while (instance.Phases.Count > 0 && instance.Phases.Peek().Until <= now)
            {
                instance.Phases.Dequeue().OnComplete?.Invoke();
            }

            if (instance.Deleted)
            {
                instances.Remove(instance.Identifier);
            }
        }
    }

    private string Arn(string type, string name) => world.Ids.Arn(Service, $"{type}:{name}");

    private string Hash(string password) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(passwordSalt, Encoding.UTF8.GetBytes(password)));

    private DateTimeOffset After(DateTimeOffset from, TimeSpan realistic) => from + world.Timing.Of(realistic);

    private static JsonObject Tags(Dictionary<string, string> tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

    private static string ParameterStatus(RdsInstance instance, DateTimeOffset now) =>
        now < instance.ApplyingUntil ? RdsStatus.Applying : instance.ParameterStatus;

    private static string SnapshotStatus(RdsSnapshot snapshot, DateTimeOffset now) =>
        now >= snapshot.AvailableAt ? RdsStatus.Available : RdsStatus.Creating;

    /// <summary>AWS's identifier rule for instances, snapshots, parameter groups: 1-255 (instances 63) letters, digits and
    /// hyphens, starting with a letter, no trailing hyphen, no two consecutive hyphens.</summary>
    private static void CheckIdentifier(string name, string parameter, int maxLength)
    {
        if (name.Length > maxLength || !IdentifierPattern().IsMatch(name) || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal))
        {
            throw SimErrors.Invalid($"The parameter {parameter} is not a valid identifier. Identifiers must begin with a letter; " +
                "must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex IdentifierPattern();

    private static IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Filters(SimParams p) =>
        [.. p.Indexed("Filters.Filter").Select(f => (p.Required(f + ".Name"), p.List(f + ".Values.Value")))];

    private SimPage<T> Page<T>(SimParams p, string list, IReadOnlyList<T> items)
    {
        var max = p.Int("MaxRecords");
        if (max is { } m && (m < 20 || m > 100))
        {
            throw SimErrors.Invalid($"Invalid value {m} for MaxRecords. Must be between 20 and 100");
        }

        return world.Paging.Page(Service, list, items, p.Get("Marker"), max);
    }
}
