using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleaseDeadlineTests
{
    private static readonly DateTimeOffset Since = T0 + TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(ReleasePhase.ProvisioningGreen, 1800)]
    [InlineData(ReleasePhase.Verifying, 1800)]
    [InlineData(ReleasePhase.AwaitingPromotion, 180)]
    [InlineData(ReleasePhase.CuttingOver, 180 + 1800)]
    [InlineData(ReleasePhase.Baking, 120 + 60 + 15)]
    [InlineData(ReleasePhase.RetiringBlue, 120 + 3600)]
    [InlineData(ReleasePhase.SwitchingBack, 180 + 1800)]
    [InlineData(ReleasePhase.Aborting, 180 + 600)]
    public void Each_active_phase_ends_by_its_own_setting(ReleasePhase phase, int secondsAfterT0)
    {
        var s = new ReleaseScenario().BlueServes().InPhase(phase, Since).SwitchedToGreen(T0 + TimeSpan.FromMinutes(2));

        Assert.Equal(T0 + TimeSpan.FromSeconds(secondsAfterT0), ReleaseDeadline.Of(s.Spec, s.Status));
    }

    [Theory]
    [InlineData(ReleasePhase.Idle)]
    [InlineData(ReleasePhase.Succeeded)]
    [InlineData(ReleasePhase.Aborted)]
    [InlineData(ReleasePhase.RolledBack)]
    [InlineData(ReleasePhase.Failed)]
    public void A_release_at_rest_has_no_deadline(ReleasePhase phase)
    {
        var s = new ReleaseScenario().BlueServes();
        s.Status.Phase = phase;
        s.Status.PhaseSince = T0;

        Assert.Null(ReleaseDeadline.Of(s.Spec, s.Status));
    }

    [Fact]
    public void A_manual_promotion_waits_for_ever_unless_a_promotion_deadline_is_set()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.AwaitingPromotion, Since);
        s.Spec.Strategy.AutoPromotion = false;
        Assert.Null(ReleaseDeadline.Of(s.Spec, s.Status));

        s.Spec.Strategy.PromotionDeadlineSeconds = 3600;
        Assert.Equal(Since + TimeSpan.FromHours(1), ReleaseDeadline.Of(s.Spec, s.Status));
    }

    [Fact]
    public void Weighted_steps_add_their_pauses_and_a_manual_step_has_no_deadline()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.CuttingOver, Since);
        s.Spec.Strategy.Cutover = CutoverMethod.NlbWeighted;
        s.Spec.Strategy.Steps = [new() { Weight = 10, PauseSeconds = 120 }, new() { Weight = 50, PauseSeconds = 300 }, new() { Weight = 100 }];
        Assert.Equal(Since + TimeSpan.FromSeconds(1800 + 420), ReleaseDeadline.Of(s.Spec, s.Status));

        s.Spec.Strategy.Steps[1].PauseSeconds = null;
        Assert.Null(ReleaseDeadline.Of(s.Spec, s.Status));
    }

    [Fact]
    public void A_superseded_abort_keeps_nothing()
    {
        var s = new ReleaseScenario().BlueServes().InPhase(ReleasePhase.Aborting, Since);
        s.Status.Reason = ReleaseReasons.Superseded;

        Assert.Equal(Since, ReleaseDeadline.Of(s.Spec, s.Status));
    }
}
