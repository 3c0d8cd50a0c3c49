using Ebops.Operator.Controllers.NlbFrontend;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.Ec2;
using Ebops.Operator.Resources.Elbv2;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>The pre-flight decision, case by case (pure).</summary>
public sealed class NlbPreflightTableTests
{
    private const string Vpc = "vpc-0a1b2c3d4e5f67890";

    private static readonly Dictionary<string, PlacedSubnet> Network = new()
    {
        ["subnet-a"] = new("subnet-a", Vpc, "zone-a"),
        ["subnet-c"] = new("subnet-c", Vpc, "zone-c"),
        ["subnet-c2"] = new("subnet-c2", Vpc, "zone-c"),
        ["subnet-x"] = new("subnet-x", "vpc-0ffffffffffffffff", "zone-b"),
    };

    private static NlbFrontendSpec Spec(params string[] subnets) => new()
    {
        Subnets = [.. subnets.Select(s => s.Split('=') is [var id, var allocation] ? new NlbSubnet { SubnetId = id, AllocationId = allocation } : new NlbSubnet { SubnetId = s, Allocate = true })],
        BackendRef = new() { Name = "myapp" },
    };

    private static ElasticIpObserved Address(string id, bool associated) =>
        new(id, "192.0.2.10", associated ? "eipassoc-1" : null, associated ? "eni-1" : null, new Dictionary<string, string>());

    private static NlbPreflightFacts Facts(
        string? backendVpc = null, int others = 0, int registrations = 0, params (string Id, bool? Associated)[] given) => new(
        Network,
        backendVpc,
        given.ToDictionary(g => g.Id, g => g.Associated is { } a ? Address(g.Id, a) : null),
        [.. Enumerable.Range(1, others).Select(i => $"other-{i}")],
        registrations == 0 ? new Dictionary<string, IReadOnlyList<string>>() : new() { ["arn:alb"] = [.. Enumerable.Range(1, registrations).Select(i => $"arn:tg-{i}")] });

    public static TheoryData<string, string[], string?, int, int, string?> Cases() => new()
    {
        { "fine", ["subnet-a", "subnet-c"], null, 0, 0, null },
        { "fine with the backend's VPC", ["subnet-a", "subnet-c"], Vpc, 1, 1, null },
        { "a subnet that does not exist", ["subnet-a", "subnet-z"], null, 0, 0, "spec.subnets[1].subnetId" },
        { "subnets in two VPCs", ["subnet-a", "subnet-x"], null, 0, 0, "spec.subnets[1].subnetId" },
        { "subnets outside the backend's VPC", ["subnet-x"], Vpc, 0, 0, "spec.subnets[0].subnetId" },
        { "two subnets in one zone", ["subnet-a", "subnet-c", "subnet-c2"], null, 0, 0, "spec.subnets[2].subnetId" },
        { "two other frontends", ["subnet-a"], null, 2, 0, "spec.backendRef.name" },
        { "an ALB registered twice", ["subnet-a"], null, 0, 2, "spec.backendRef.name" },
        { "a free given address", ["subnet-a=eipalloc-free"], null, 0, 0, null },
        { "a given address in use", ["subnet-a", "subnet-c=eipalloc-used"], null, 0, 0, "spec.subnets[1].allocationId" },
        { "a given address that does not exist", ["subnet-a=eipalloc-gone"], null, 0, 0, "spec.subnets[0].allocationId" },
        { "one given address twice", ["subnet-a=eipalloc-free", "subnet-c=eipalloc-free"], null, 0, 0, "spec.subnets[1].allocationId" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_check_names_the_field_at_fault(string name, string[] subnets, string? backendVpc, int others, int registrations, string? field)
    {
        var facts = Facts(backendVpc, others, registrations, ("eipalloc-free", false), ("eipalloc-used", true), ("eipalloc-gone", null));

        var failure = NlbPreflight.Check(Spec(subnets), "myapp", facts);

        Assert.True(field == failure?.Field, $"{name}: expected {field ?? "no failure"}, got {failure?.UserMessage ?? "no failure"}");
        Assert.Equal(field is null ? null : NlbPreflight.Reason, failure?.Reason);
    }
}
