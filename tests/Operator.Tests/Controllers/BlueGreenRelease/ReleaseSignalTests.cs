using System.Text.Json.Nodes;
using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;
using k8s;
using static Ebops.Operator.Tests.Controllers.Support.Release.ReleaseScript;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

/// <summary>Promote, abort, rollback and retry through the signal annotations, which ebops takes off the object.</summary>
public sealed class ReleaseSignalTests
{
    [Fact]
    public async Task A_manual_release_waits_for_promote_then_cuts_over_and_records_who_promoted()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["autoPromotion"] = false } });

        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.AwaitingPromotion);
        await world.RunForAsync(TimeSpan.FromMinutes(30));
        var waiting = await world.CurrentAsync();
        Assert.Equal((ReleasePhase.AwaitingPromotion, "AwaitingPromotion"), (waiting.Status!.Phase, waiting.Status.PauseReason));
        Assert.Contains("waiting for promotion", waiting.Status.Message, StringComparison.Ordinal);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);

        await world.SignalAsync("promote", "alice");
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "1.0.2 is released");

        Assert.Equal("alice", done.Status!.History![0].PromotedBy);
        Assert.False(done.Metadata.Annotations?.ContainsKey(EbopsAnnotations.Signal) ?? false, "the signal was taken off the object");
        Assert.False(done.Metadata.Annotations?.ContainsKey(EbopsAnnotations.SignalBy) ?? false);
        Assert.Equal(["1.0.2"], (await world.RequestsAsync(3)).Keys);
    }

    [Fact]
    public async Task Abort_before_the_cut_over_keeps_blue_and_retry_starts_the_same_version_again()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1");
        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["autoPromotion"] = false } });
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.AwaitingPromotion);

        await world.SignalAsync("abort", "bob");
        var aborted = await world.UntilPhaseAsync(ReleasePhase.Aborted);
        Assert.Equal(ReleaseReasons.AbortRequested, aborted.Status!.History![0].Reason);
        Assert.Contains("bob", aborted.Status.Phases!.Single(p => p.Phase == ReleasePhase.Aborting).Message, StringComparison.Ordinal);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);

        await world.PatchSpecAsync(new JsonObject { ["strategy"] = new JsonObject { ["autoPromotion"] = true } });
        await world.SignalAsync("retry", "bob");
        var done = await world.UntilAsync(r => IsReady(r, "1.0.2"), TimeSpan.FromHours(1), "the retried 1.0.2 is released");
        Assert.Contains("retry requested by bob", done.Status!.Phases![0].Message, StringComparison.Ordinal);
        Assert.Equal([ReleaseOutcome.Succeeded, ReleaseOutcome.Aborted, ReleaseOutcome.Succeeded], done.Status.History!.Select(h => h.Outcome));
        Assert.Equal(2, world.Succeeded(Eb, "CreateEnvironment", c => c.Parameter("EnvironmentName") == "myapp-green").Count);
    }

    [Fact]
    public async Task Rollback_while_baking_puts_traffic_back_on_blue_at_once_without_provisioning()
    {
        await using var world = await ReleaseWorld.StartAsync();
        await world.SetUpAsync("1.0.1", r => r.Spec.Strategy.BakeSeconds = 600);
        await world.SetVersionAsync("1.0.2");
        await world.UntilPhaseAsync(ReleasePhase.Baking);
        var creates = world.Succeeded(Eb, "CreateEnvironment").Count;

        await world.SignalAsync("rollback", "carol");
        var rolledBack = await world.UntilPhaseAsync(ReleasePhase.RolledBack);

        Assert.Equal((ReleaseReasons.RollbackRequested, DeploymentColor.Blue), (rolledBack.Status!.History![0].Reason, rolledBack.Status.ActiveColor));
        Assert.Equal(creates, world.Succeeded(Eb, "CreateEnvironment").Count);
        Assert.Equal(["1.0.1"], (await world.RequestsAsync(3)).Keys);
    }

    [Fact]
    public async Task An_unknown_signal_is_dropped_with_a_warning_and_changes_nothing()
    {
        await using var world = await ReleaseWorld.StartAsync();
        var before = await world.SetUpAsync("1.0.1");

        await world.SignalAsync("promote-now", "dave");
        var after = await world.UntilAsync(r => r.Metadata.Annotations?.ContainsKey(EbopsAnnotations.Signal) != true, TimeSpan.FromMinutes(5),
            "the annotation is taken off");

        Assert.Equal((before.Status!.Phase, before.Status.StableVersion), (after.Status!.Phase, after.Status.StableVersion));
        Assert.True(Conditions.IsTrue(after.Status, ConditionTypes.Ready));
        var events = await world.Client.EventsV1.ListNamespacedEventAsync(ReleaseWorld.Namespace, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(events.Items, e => e.Reason == "SignalInvalid" && e.Note.Contains("promote-now", StringComparison.Ordinal));
    }
}
