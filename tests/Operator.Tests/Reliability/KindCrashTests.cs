using Ebops.Operator.Entities;
using Ebops.Operator.Runtime.Status;
using Ebops.Operator.Tests.Controllers.Support.Release;

namespace Ebops.Operator.Tests.Reliability;

/// <summary>
/// The operator dies at every point of an object's life where it could hurt (right after each mutating AWS call took
/// effect, right after each change of its Ready reason is stored), for RdsDatabase, BeanstalkApp and NlbFrontend; a new
/// operator process on the same cluster and AWS then brings the object to Ready and, once it is deleted, cleans it up.
/// Each crashed run makes exactly the creates and deletes of the run without a crash (no duplicate object, no double
/// delete, nothing lost) and ends with the object Ready at its generation, then gone. The release's own sweep is
/// ReleaseCrashTests. Short version: every other point; EBOPS_LONG_TESTS=1: every point.
/// </summary>
public sealed class KindCrashTests
{
    [Fact]
    public async Task An_rds_database_survives_a_crash_after_every_mutating_aws_call_and_every_status_boundary()
    {
        var sweep = await SweepAsync(new LifecycleCrash<Ebops.Operator.Entities.RdsDatabase>("rdsdatabases", ReleaseSamples.RdsDatabase,
            AppReadyAsync, PasswordSetOnce));

        Assert.Contains("aws rds CreateDBInstance", sweep.Points);
        Assert.Contains("aws rds DeleteDBInstance", sweep.Points);
        Assert.Contains("aws ec2 AuthorizeSecurityGroupIngress", sweep.Points);
        TestContext.Current.TestOutputHelper?.WriteLine($"RdsDatabase {sweep}");
    }

    [Fact]
    public async Task A_beanstalk_app_survives_a_crash_after_every_mutating_aws_call_and_every_status_boundary()
    {
        var sweep = await SweepAsync(new LifecycleCrash<Ebops.Operator.Entities.BeanstalkApp>("beanstalkapps", ReleaseSamples.BeanstalkApp));

        Assert.Contains("aws elasticbeanstalk CreateApplication", sweep.Points);
        Assert.Contains("aws elasticbeanstalk DeleteApplication", sweep.Points);
        TestContext.Current.TestOutputHelper?.WriteLine($"BeanstalkApp {sweep}");
    }

    [Fact]
    public async Task An_nlb_frontend_survives_a_crash_after_every_mutating_aws_call_and_every_status_boundary()
    {
        var sweep = await SweepAsync(new LifecycleCrash<Ebops.Operator.Entities.NlbFrontend>("nlbfrontends", ReleaseSamples.NlbFrontend,
            AppReadyAsync));

        Assert.Contains("aws elasticloadbalancing CreateLoadBalancer", sweep.Points);
        Assert.Contains("aws elasticloadbalancing DeleteLoadBalancer", sweep.Points);
        TestContext.Current.TestOutputHelper?.WriteLine($"NlbFrontend {sweep}");
    }

    /// <summary>
    /// The app both kinds refer to, brought to Ready before the sweep counts points: its own AWS calls must not fall in
    /// the window the sweep counts (a settled world can still owe them when the first reconcile waits on the clock).
    /// </summary>
    private static async Task AppReadyAsync(ReleaseWorld world)
    {
        var app = ReleaseSamples.BeanstalkApp();
        await world.CreateAsync(app);
        await world.RunUntilAsync<Ebops.Operator.Entities.BeanstalkApp>(app.Metadata.Name, a => Conditions.IsTrue(a.StatusBase, ConditionTypes.Ready),
            TimeSpan.FromHours(1), "the app is Ready before the sweep");
    }

    /// <summary>The generated master password is not lost: it is set by CreateDBInstance and never reset afterwards.</summary>
    private static void PasswordSetOnce(ReleaseWorld world, string what)
    {
        Assert.True(world.Sim.Calls.Find("rds", "CreateDBInstance").Single(c => c.Succeeded).Parameters.ContainsKey("MasterUserPassword"), what);
        Assert.True(!world.Sim.Calls.Find("rds", "ModifyDBInstance").Any(c => c.Parameters.ContainsKey("MasterUserPassword")), $"{what}: the master password was reset");
    }

    private static Task<CrashSweep> SweepAsync<T>(LifecycleCrash<T> lifecycle)
        where T : class, Ebops.Operator.Entities.ICustomResource =>
        CrashPlan.SweepAsync(lifecycle.RunAsync, LongTests.Enabled ? null : points => Enumerable.Range(1, points.Count).Where(p => p % 2 == 1 || p == points.Count));
}
