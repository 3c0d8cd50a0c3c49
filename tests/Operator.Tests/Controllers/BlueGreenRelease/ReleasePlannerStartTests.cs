using Ebops.Operator.Controllers.BlueGreenRelease;
using Ebops.Operator.Entities;
using static Ebops.Operator.Tests.Controllers.BlueGreenRelease.ReleaseScenario;

namespace Ebops.Operator.Tests.Controllers.BlueGreenRelease;

public sealed class ReleasePlannerStartTests
{
    [Fact]
    public void The_first_release_creates_the_version_into_blue()
    {
        var s = new ReleaseScenario { Seen = new() { ApplicationName = "myapp", VersionExists = false, BundleExists = true } };

        var decision = s.Decide();

        Assert.Equal(new CreateApplicationVersion("1.0.2", "bundles", "myapp/1.0.2.zip"), decision.Action);
        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
        Assert.Equal(DeploymentColor.Blue, s.Status.CandidateColor);
        Assert.Equal(1, s.Status.ReleaseNumber);
        Assert.Equal("1.0.2", s.Status.CandidateVersion);
        Assert.Contains(decision.Events, e => e.Reason == ReleaseReasons.NewVersion);
        Assert.NotEmpty(s.Status.Plan!);
    }

    [Fact]
    public void A_missing_bundle_stalls_on_the_field_with_no_action()
    {
        var s = new ReleaseScenario { Seen = new() { ApplicationName = "myapp", VersionExists = false, BundleExists = false } };

        var decision = s.Decide();

        Assert.Null(decision.Action);
        Assert.Equal("spec.version.sourceBundle", decision.Stall!.Field);
        Assert.Contains("s3://bundles/myapp/1.0.2.zip", decision.Stall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_gets_blues_current_instance_count_as_its_minimum()
    {
        var s = new ReleaseScenario().BlueServes(instances: 3);

        var decision = s.Decide();

        Assert.Equal(new CreateEnvironment(DeploymentColor.Green, "myapp-green", "1.0.2", 3, 2), decision.Action);
        Assert.Equal(2, s.Status.ReleaseNumber);
    }

    [Fact]
    public void A_hand_built_environment_is_adopted_as_active_and_never_touched()
    {
        var s = new ReleaseScenario();
        s.Environments[DeploymentColor.Blue] = Env(DeploymentColor.Blue, "Ready", "0.9", release: null, instances: 2);

        var decision = s.Decide();

        Assert.Equal(DeploymentColor.Blue, s.Status.ActiveColor);
        Assert.Equal("0.9", s.Status.StableVersion);
        Assert.Equal(new CreateEnvironment(DeploymentColor.Green, "myapp-green", "1.0.2", 2, 1), decision.Action);
        Assert.Contains(decision.Events, e => e.Reason == ReleaseReasons.AdoptedEnvironment);
    }

    [Fact]
    public void The_stable_version_serving_means_nothing_to_do()
    {
        var s = new ReleaseScenario().BlueServes(version: "1.0.2");

        var decision = s.Decide();

        Assert.True(decision.IsIdle);
        Assert.Equal(ReleasePhase.Succeeded, s.Status.Phase);
        Assert.Equal(Timings.Poll, decision.RequeueAfter);
    }

    [Fact]
    public void A_changed_app_configuration_starts_a_release_of_the_same_version()
    {
        var s = new ReleaseScenario().BlueServes(version: "1.0.2");
        s.Seen = s.Seen with { AppConfigurationHash = "cfg-2" };

        s.Decide();

        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
        Assert.Equal(ReleaseReasons.ConfigurationChanged, s.Status.Reason);
    }

    [Fact]
    public void A_vanished_active_environment_is_provisioned_again()
    {
        var s = new ReleaseScenario().BlueServes(version: "1.0.2");
        s.Environments.Remove(DeploymentColor.Blue);

        s.Decide();

        Assert.Equal(ReleaseReasons.ActiveEnvironmentMissing, s.Status.Reason);
        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
    }

    [Theory]
    [InlineData(ReleasePhase.Aborted)]
    [InlineData(ReleasePhase.RolledBack)]
    [InlineData(ReleasePhase.Failed)]
    public void A_version_that_ended_badly_is_not_retried_until_a_retry_signal(ReleasePhase ended)
    {
        var s = new ReleaseScenario().BlueServes();
        s.Status.Phase = ended;
        s.Status.CandidateVersion = "1.0.2";

        Assert.True(s.Decide().IsIdle);
        Assert.Equal(ended, s.Status.Phase);

        var decision = s.Decide(seen => seen with { Signal = new SignalRequest(ReleaseSignal.Retry, "rv-9", "alice") });

        Assert.Equal(ReleasePhase.ProvisioningGreen, s.Status.Phase);
        Assert.Equal(ReleaseReasons.RetryRequested, s.Status.Reason);
        Assert.IsType<CreateEnvironment>(decision.Action);
        Assert.Equal("rv-9", s.Status.LastSignalId);
    }

    [Fact]
    public void A_dry_run_publishes_the_plan_and_writes_nothing()
    {
        var s = new ReleaseScenario().BlueServes();
        s.Spec.DryRun = true;

        var decision = s.Decide();

        Assert.True(decision.IsIdle);
        Assert.Equal(ReleasePhase.Succeeded, s.Status.Phase);
        Assert.Equal(
        [
            "s3:HeadObject s3://bundles/myapp/1.0.2.zip",
            "elasticbeanstalk:CreateApplicationVersion myapp 1.0.2",
            "elasticbeanstalk:CreateEnvironment myapp-green from the BeanstalkApp's template, min 2 instances",
            "elasticloadbalancing:RegisterTargets target group green <- ALB of myapp-green",
            "health gate: eb-health, target-health; 3 passing rounds every 15s",
            "promote automatically after 0s",
            "elasticloadbalancing:ModifyListener forward -> target group green",
            "bake 60s: eb-health, target-health, error-rate <= 1%",
            "elasticloadbalancing:DeregisterTargets target group blue -> ALB of myapp-blue",
            "elasticbeanstalk:TerminateEnvironment myapp-blue",
        ], s.Status.Plan!.Select(p => p.Step));
        Assert.All(s.Status.Plan!, p => Assert.Equal(PlanStepState.Pending, p.State));
    }

    [Fact]
    public void A_signal_is_applied_once_and_an_inapplicable_one_is_reported()
    {
        var s = new ReleaseScenario().BlueServes(version: "1.0.2");
        var promote = new SignalRequest(ReleaseSignal.Promote, "rv-1", "bob");

        var first = s.Decide(seen => seen with { Signal = promote });
        var second = s.Decide(seen => seen with { Signal = promote });

        Assert.Contains(first.Events, e => e.Reason == "SignalIgnored");
        Assert.DoesNotContain(second.Events, e => e.Reason == "SignalIgnored");
        Assert.Equal("rv-1", s.Status.LastSignalId);
    }
}
