using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Rds;

namespace Ebops.Operator.Controllers.RdsDatabase;

/// <summary>The desired AWS state of an RdsDatabase, as pure functions of its spec and what was resolved.</summary>
public static class RdsDesired
{
    /// <summary>Adoption field naming an existing DB subnet group to adopt.</summary>
    public const string SubnetGroupField = "dbSubnetGroupName";

    /// <summary>Adoption field naming an existing DB parameter group to adopt.</summary>
    public const string ParameterGroupField = "dbParameterGroupName";

    /// <summary>Adoption field naming an existing security group (id) to adopt.</summary>
    public const string SecurityGroupField = "securityGroupId";

    /// <summary>The owned DB subnet group of <c>spec.network.subnets</c>, or null when the spec names an existing group (or none).</summary>
    public static SubnetGroupDesired? SubnetGroup(RdsDatabaseSpec spec, ResourceOwner owner, string? adoptedName) =>
        spec.Network?.Subnets is { Count: > 0 } subnets
            ? new SubnetGroupDesired(owner, adoptedName ?? RdsNames.SubnetGroup(spec.Identifier), Description(owner), [.. subnets])
            : null;

    /// <summary>The owned DB parameter group of <c>spec.parameters</c>, or null (the engine's default group).</summary>
    public static ParameterGroupDesired? ParameterGroup(RdsDatabaseSpec spec, ResourceOwner owner, string? adoptedName) =>
        spec.Parameters is { } parameters
            ? new ParameterGroupDesired(owner, adoptedName ?? RdsNames.ParameterGroup(spec.Identifier, parameters.Family), parameters.Family,
                Description(owner), parameters.Overrides ?? [])
            : null;

    /// <summary>
    /// The inbound rules of <c>spec.network.securityGroup</c>. A rule from another resource's security group uses
    /// <paramref name="groupOf"/> (null while that resource has none yet): such rules are left out and the resources
    /// returned in <c>Waiting</c>, so the instance is created with the rules available and the rest added later.
    /// </summary>
    public static (IReadOnlyList<IngressRule> Rules, IReadOnlyList<string> Waiting) Ingress(RdsDatabaseSpec spec, Func<SecurityGroupOwnerReference, string?> groupOf)
    {
        var rules = new List<IngressRule>();
        var waiting = new List<string>();
        foreach (var rule in spec.Network?.SecurityGroup?.Ingress ?? [])
        {
            if (rule.FromCidr is { } cidr)
            {
                rules.Add(IngressRule.TcpFromCidr(rule.Port, cidr, rule.Description));
            }
            else if (rule.FromSecurityGroupOf is { } source)
            {
                if (groupOf(source) is { } groupId)
                {
                    rules.Add(IngressRule.TcpFromGroup(rule.Port, groupId, rule.Description));
                }
                else
                {
                    waiting.Add($"{source.Kind} {source.Name}");
                }
            }
        }

        return (rules, [.. waiting.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The security group of <c>spec.network.securityGroup</c>, or null when the spec asks for none.</summary>
    public static SecurityGroupDesired? SecurityGroup(RdsDatabaseSpec spec, ResourceOwner owner, string? vpcId, IReadOnlyList<IngressRule> rules, string? groupId) =>
        spec.Network?.SecurityGroup is null
            ? null
            : new SecurityGroupDesired(owner, RdsNames.SecurityGroupComponent, RdsNames.SecurityGroup(spec.Identifier), Description(owner), vpcId, rules, groupId);

    /// <summary>The DB instance.</summary>
    public static DbInstanceDesired Instance(RdsDatabaseSpec spec, ResourceOwner owner, string? subnetGroupName, string? parameterGroupName,
        string? securityGroupId, SecretText? password) => new(
        owner,
        spec.Identifier,
        Engine(spec.Engine),
        spec.EngineVersion,
        spec.InstanceClass,
        spec.AllocatedStorage,
        spec.DbName,
        spec.MasterUsername,
        spec.PubliclyAccessible,
        parameterGroupName,
        subnetGroupName,
        securityGroupId is null ? null : [securityGroupId],
        spec.Deletion.DeletionProtection,
        password);

    /// <summary>RDS's engine name.</summary>
    public static string Engine(RdsEngine engine) => engine switch
    {
        RdsEngine.Mysql => "mysql",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    private static string Description(ResourceOwner owner) => $"ebops {owner.Kind} {owner.Namespace}/{owner.Name}";
}
