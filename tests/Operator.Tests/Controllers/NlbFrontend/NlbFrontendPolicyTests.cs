using Ebops.Operator.Entities;
using Ebops.Operator.Resources;
using Ebops.Operator.Resources.Elbv2;
using Ebops.Operator.Tests.Resources.Elbv2;
using Ebops.Sandbox.Aws.Core;
using static Ebops.Operator.Tests.Controllers.NlbFrontend.NlbFrontendHarness;
using Conditions = Ebops.Operator.Runtime.Status.Conditions;

namespace Ebops.Operator.Tests.Controllers.NlbFrontend;

/// <summary>Adoption, conflicts, the paused annotation and bad annotations, against the simulator.</summary>
public sealed class NlbFrontendPolicyTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private NlbFrontendHarness h = null!;

    public async ValueTask InitializeAsync()
    {
        h = await StartAsync();
        h.PutApp();
    }

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    /// <summary>A load balancer built by hand with two Elastic IPs of the team's, and the NlbFrontend that describes it.</summary>
    private async Task<(Operator.Entities.NlbFrontend Frontend, string Arn)> HandMadeAsync(string name, string? adoption)
    {
        var subnets = new List<NlbSubnet>();
        foreach (var subnet in NlbKit.Subnets)
        {
            var (allocationId, _) = await h.Aws.Ec2.AllocateAddressAsync(new Dictionary<string, string> { ["team"] = "web" }, Ct);
            subnets.Add(new NlbSubnet { SubnetId = subnet, AllocationId = allocationId });
        }

        var created = await h.Aws.Elbv2.CreateLoadBalancerAsync(new()
        {
            Name = name, Type = "network",
            SubnetMappings = [.. subnets.Select(s => new Ebops.Operator.Aws.Elbv2.SubnetMapping { SubnetId = s.SubnetId, AllocationId = s.AllocationId })],
        }, Ct);
        var frontend = Frontend("frontend", [.. subnets]);
        if (adoption is not null)
        {
            frontend.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = adoption;
            frontend.Metadata.Annotations[EbopsAnnotations.AdoptionFields] = $"{{\"loadBalancerName\": \"{name}\"}}";
        }

        h.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        h.Aws.World.Calls.Clear();
        return (frontend, created.LoadBalancers![0].LoadBalancerArn!);
    }

    [Fact]
    public async Task A_hand_made_load_balancer_is_adopted_then_kept_on_deletion_unless_delete_is_explicit()
    {
        var (frontend, arn) = await HandMadeAsync("legacy-nlb", "adopt-or-create");

        await h.ReconcileAsync(frontend);

        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready), Message(frontend, ConditionTypes.Ready));
        Assert.Equal(arn, frontend.Status!.LoadBalancerArn);
        Assert.Equal(["AddTags", "CreateTargetGroup", "ModifyTargetGroupAttributes", "CreateTargetGroup", "ModifyTargetGroupAttributes", "CreateListener"], h.Aws.Mutations(Service));
        Assert.Empty(h.Aws.Mutations("ec2"));
        Assert.Contains(h.Events.Events, e => e.Reason == "Adopted" && e.Note.Contains("legacy-nlb", StringComparison.Ordinal));
        Assert.True((await h.Kit.LoadBalancers.ReadAsync("legacy-nlb", ReadMode.Live, Ct))!.IsAdopted);
        Assert.All(frontend.Status.Addresses!, a => Assert.False(a.Owned));
        h.Aws.World.Calls.Clear();

        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);
        Assert.Equal(["DeleteListener", "DeleteTargetGroup", "DeleteTargetGroup"], h.Mutations());
        Assert.NotNull(await h.Kit.LoadBalancers.ReadAsync("legacy-nlb", ReadMode.Live, Ct));
        Assert.Contains(h.Events.Events, e => e.Reason == "Kept");

        frontend.Metadata.Annotations[EbopsAnnotations.DeletionPolicy] = "delete";
        Assert.True((await h.FinalizeAsync(frontend)).Result?.IsDone);
        Assert.Null(await h.Kit.LoadBalancers.ReadAsync("legacy-nlb", ReadMode.Live, Ct));
        Assert.Empty(h.Aws.Mutations("ec2"));
    }

    [Fact]
    public async Task Without_an_adoption_policy_an_untagged_load_balancer_at_the_name_is_a_conflict()
    {
        var (frontend, _) = await HandMadeAsync(Elbv2Names.LoadBalancer(NlbKit.Owner()), adoption: null);

        var outcome = await h.ReconcileAsync(frontend);

        Assert.Equal("metadata.name", outcome.Terminal?.Field);
        Assert.Contains("not managed by ebops", outcome.Terminal!.Message, StringComparison.Ordinal);
        Assert.Empty(h.Mutations());
    }

    [Fact]
    public async Task Adopt_never_creates_a_load_balancer_that_is_not_there()
    {
        var frontend = Frontend();
        frontend.Metadata.Annotations[EbopsAnnotations.AdoptionPolicy] = "adopt";
        frontend.Metadata.Annotations[EbopsAnnotations.AdoptionFields] = "{\"loadBalancerName\": \"missing-nlb\"}";

        var outcome = await h.ReconcileAsync(frontend);

        Assert.Equal("metadata.annotations.ebops.io/adoption-fields", outcome.Terminal?.Field);
        Assert.Empty(h.Mutations());
    }

    [Fact]
    public async Task Paused_before_anything_exists_writes_nothing_and_says_what_it_would_create()
    {
        var frontend = Frontend();
        frontend.Metadata.Annotations[EbopsAnnotations.Paused] = "true";

        var outcome = await h.ReconcileAsync(frontend);

        Assert.Empty(h.Mutations());
        Assert.Equal("Paused", Reason(frontend, ConditionTypes.Synced));
        Assert.Contains("would create Elastic IP of " + SandboxNetwork.SubnetA, Message(frontend, ConditionTypes.Synced), StringComparison.Ordinal);
        Assert.False(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
        Assert.NotNull(outcome.Result);
    }

    [Fact]
    public async Task Paused_with_drift_reports_it_and_corrects_nothing()
    {
        var frontend = Frontend();
        await h.CreateReadyAsync(frontend);
        await h.Aws.Elbv2.ModifyTargetGroupAsync(new() { TargetGroupArn = frontend.Status!.TargetGroups![0].Arn, HealthCheckPath = "/edited" }, Ct);
        frontend.Metadata.Annotations[EbopsAnnotations.Paused] = "true";
        h.Aws.World.Calls.Clear();

        await h.ReconcileAsync(frontend);

        Assert.Empty(h.Mutations());
        Assert.Equal("Paused", Reason(frontend, ConditionTypes.Synced));
        Assert.Contains("would correct spec.healthCheck.path", Message(frontend, ConditionTypes.Synced), StringComparison.Ordinal);
        Assert.True(Conditions.IsTrue(frontend.Status, ConditionTypes.Ready));
    }

    [Theory]
    [InlineData(EbopsAnnotations.DeletionPolicy, "sometimes")]
    [InlineData(EbopsAnnotations.Paused, "yes")]
    [InlineData(EbopsAnnotations.AdoptionPolicy, "take")]
    public async Task A_bad_annotation_stalls_naming_it_with_no_AWS_call(string annotation, string value)
    {
        var frontend = Frontend();
        frontend.Metadata.Annotations[annotation] = value;

        var outcome = await h.ReconcileAsync(frontend);

        Assert.Equal("metadata.annotations." + annotation, outcome.Terminal?.Field);
        Assert.Empty(h.Aws.World.Calls.All);
    }
}
