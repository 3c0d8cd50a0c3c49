using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class BeanstalkAppEnvironmentTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private BeanstalkAppRig rig = null!;

    public async ValueTask InitializeAsync() => rig = await BeanstalkAppRig.StartAsync();

    public async ValueTask DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Environments_are_reported_by_colour_and_the_newest_ready_one_with_a_version_is_active()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        var blue = await rig.LaunchAsync(app, EnvironmentManager.Blue, "v1");

        await rig.ReconcileAsync(app);

        var entry = Assert.Single(app.Status!.Environments!);
        Assert.Equal((DeploymentColor.Blue, "myapp-blue", blue.Id, "Ready", "v1", true), (entry.Color, entry.Name, entry.Id, entry.Status, entry.VersionLabel, entry.Active));
        Assert.NotNull(entry.Cname);
        Assert.StartsWith("arn:aws:elasticloadbalancing:", entry.LoadBalancerArn);
        Assert.Equal(2, entry.Instances!.Ok + entry.Instances.Pending + entry.Instances.NoData + entry.Instances.Info);
        Assert.Equal((DeploymentColor.Blue, "v1"), (app.Status.ActiveColor, app.Status.ActiveVersion));
        Assert.Equal(entry.HealthStatus, app.Status.ActiveHealth);

        rig.Aws.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.LaunchAsync(app, EnvironmentManager.Green, "v2");
        await rig.ReconcileAsync(app);

        Assert.Equal([DeploymentColor.Blue, DeploymentColor.Green], app.Status.Environments!.Select(e => e.Color));
        Assert.Equal((DeploymentColor.Green, "v2"), (app.Status.ActiveColor, app.Status.ActiveVersion));
    }

    [Fact]
    public async Task The_release_decides_the_active_colour_when_it_publishes_one()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        await rig.LaunchAsync(app, EnvironmentManager.Blue, "v1");
        rig.Aws.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.LaunchAsync(app, EnvironmentManager.Green, "v2");
        rig.Releases.Put(new Ebops.Operator.Entities.BlueGreenRelease
        {
            Metadata = new() { Name = "myapp", NamespaceProperty = BeanstalkAppRig.Namespace },
            Spec = new BlueGreenReleaseSpec { AppRef = new LocalObjectReference { Name = "myapp" } },
            Status = new BlueGreenReleaseStatus { ActiveColor = DeploymentColor.Blue },
        });

        await rig.ReconcileAsync(app);

        Assert.Equal((DeploymentColor.Blue, "v1"), (app.Status!.ActiveColor, app.Status.ActiveVersion));
        Assert.Equal([true, null], app.Status.Environments!.Select(e => e.Active));
    }

    [Fact]
    public async Task Steady_environments_cost_no_health_or_resource_calls()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        await rig.LaunchAsync(app, EnvironmentManager.Blue);
        await rig.ReconcileAsync(app);

        // Health moves from Pending to Ok once the load balancer's checks pass: that change re-reads the counts.
        rig.Aws.Time.Advance(rig.Settings.PollInterval);
        await rig.ReconcileAsync(app);
        Assert.Equal("Ok", app.Status!.Environments![0].HealthStatus);
        rig.Aws.World.Calls.Clear();

        rig.Aws.Time.Advance(rig.Settings.PollInterval);
        await rig.ReconcileAsync(app);

        var actions = rig.Aws.World.Calls.Actions("elasticbeanstalk");
        Assert.DoesNotContain("DescribeEnvironmentHealth", actions);
        Assert.DoesNotContain("DescribeEnvironmentResources", actions);
        Assert.NotNull(app.Status!.Environments![0].Instances);
    }

    [Fact]
    public async Task A_terminated_environment_leaves_the_report_and_the_active_colour()
    {
        rig.DatabaseReady();
        var app = BeanstalkAppRig.App();
        await rig.ReconcileAsync(app);
        var blue = await rig.LaunchAsync(app, EnvironmentManager.Blue);
        await rig.ReconcileAsync(app);
        Assert.Equal(DeploymentColor.Blue, app.Status!.ActiveColor);

        await rig.Managers.Environments.TerminateAsync(blue, Ct);
        rig.Aws.Time.Advance(TimeSpan.FromMinutes(5));
        await rig.ReconcileAsync(app);

        Assert.Null(app.Status.Environments);
        Assert.Null(app.Status.ActiveColor);
        Assert.Null(app.Status.ActiveVersion);
    }
}
