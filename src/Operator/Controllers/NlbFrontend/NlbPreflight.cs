using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Reconciliation;

namespace Ebops.Operator.Controllers.NlbFrontend;

/// <summary>
/// Pure: the checks an NlbFrontend passes before anything is created, each failure a <see cref="TerminalException"/>
/// naming the field (Stalled, no AWS write): subnets exist, share one VPC (the backend's), one per Availability Zone;
/// one Elastic IP per subnet, given ones existing and free; the backend's ALBs behind at most two network load balancers.
/// </summary>
internal static class NlbPreflight
{
    public const string Reason = "PreflightFailed";

    /// <summary>AWS: an Application Load Balancer can be the target of at most two network load balancers.</summary>
    public const int MaxNlbsPerAlb = 2;

    /// <summary>What the spec alone must satisfy (beyond the schema): each given Elastic IP used once.</summary>
    public static TerminalException? CheckSpec(NlbFrontendSpec spec)
    {
        for (var i = 0; i < spec.Subnets.Count; i++)
        {
            var id = spec.Subnets[i].AllocationId;
            var first = id is null ? -1 : spec.Subnets.FindIndex(s => s.AllocationId == id);
            if (first >= 0 && first < i)
            {
                return Fail($"spec.subnets[{i}].allocationId", $"Elastic IP {id} is already used by spec.subnets[{first}]; each subnet needs its own");
            }
        }

        return null;
    }

    public static TerminalException? Check(NlbFrontendSpec spec, string backendName, NlbPreflightFacts facts) =>
        CheckSpec(spec) ?? CheckSubnets(spec, facts) ?? CheckAddresses(spec, facts) ?? CheckBackend(spec, backendName, facts);

    private static TerminalException? CheckSubnets(NlbFrontendSpec spec, NlbPreflightFacts facts)
    {
        var missing = spec.Subnets.FindIndex(s => !facts.Subnets.ContainsKey(s.SubnetId));
        if (missing >= 0)
        {
            return Fail($"spec.subnets[{missing}].subnetId", $"subnet {spec.Subnets[missing].SubnetId} does not exist");
        }

        var placed = spec.Subnets.Select(s => facts.Subnets[s.SubnetId]).ToList();
        var vpc = facts.BackendVpcId ?? placed[0].VpcId;
        var outside = placed.FindIndex(s => s.VpcId != vpc);
        if (outside >= 0)
        {
            return Fail($"spec.subnets[{outside}].subnetId", facts.BackendVpcId is null
                ? $"subnet {placed[outside].SubnetId} is in {placed[outside].VpcId}, spec.subnets[0] in {vpc}; all subnets must be in one VPC"
                : $"subnet {placed[outside].SubnetId} is in {placed[outside].VpcId}, not in the BeanstalkApp's VPC {vpc}");
        }

        for (var i = 1; i < placed.Count; i++)
        {
            var same = placed.FindIndex(s => s.AvailabilityZone == placed[i].AvailabilityZone);
            if (same < i)
            {
                return Fail($"spec.subnets[{i}].subnetId", $"subnet {placed[i].SubnetId} is in Availability Zone {placed[i].AvailabilityZone} like spec.subnets[{same}]; a load balancer takes one subnet per zone");
            }
        }

        return null;
    }

    private static TerminalException? CheckAddresses(NlbFrontendSpec spec, NlbPreflightFacts facts)
    {
        for (var i = 0; i < spec.Subnets.Count; i++)
        {
            if (spec.Subnets[i].AllocationId is not { } id)
            {
                continue;
            }

            if (!facts.GivenAddresses.TryGetValue(id, out var address) || address is null)
            {
                return Fail($"spec.subnets[{i}].allocationId", $"Elastic IP {id} does not exist");
            }

            if (address.IsAssociated)
            {
                return Fail($"spec.subnets[{i}].allocationId", $"Elastic IP {id} ({address.PublicIp}) is associated with {address.NetworkInterfaceId ?? address.AssociationId}; it must be free");
            }
        }

        return null;
    }

    private static TerminalException? CheckBackend(NlbFrontendSpec spec, string backendName, NlbPreflightFacts facts)
    {
        if (facts.OtherFrontends.Count >= MaxNlbsPerAlb)
        {
            return Fail("spec.backendRef.name", $"BeanstalkApp {backendName} is already behind NlbFrontends {string.Join(", ", facts.OtherFrontends)}; AWS lets an Application Load Balancer be the target of at most {MaxNlbsPerAlb} network load balancers");
        }

        foreach (var (alb, groups) in facts.AlbRegistrations)
        {
            if (groups.Count >= MaxNlbsPerAlb)
            {
                return Fail("spec.backendRef.name", $"the ALB {alb} of BeanstalkApp {backendName} is already registered in target groups {string.Join(", ", groups)}; AWS lets an Application Load Balancer be the target of at most {MaxNlbsPerAlb} network load balancers");
            }
        }

        return null;
    }

    private static TerminalException Fail(string field, string message) => new(message, field, Reason);
}
