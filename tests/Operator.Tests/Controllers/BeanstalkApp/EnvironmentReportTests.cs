using Ebops.Operator.Controllers.BeanstalkApp;
using Ebops.Operator.Entities;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Tests.Controllers.BeanstalkApp;

public sealed class EnvironmentReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static EbEnvironment Env(string color, string status = "Ready", string? version = "v1", int minutes = 0, string health = "Ok") => new(
        "myapp-" + color, "e-" + color, "myapp", null, status, "Green", health, version, color + ".cname", null, "tpl", null, null,
        T0.AddMinutes(minutes), T0.AddMinutes(minutes), false);

    public static TheoryData<string, DeploymentColor?, DeploymentColor?> ActiveCases => new()
    {
        // environments (colour:status:version:minutes), release's colour, expected
        { "", null, null },
        { "blue:Ready:v1:0", null, DeploymentColor.Blue },
        { "blue:Ready:v1:0,green:Ready:v2:5", null, DeploymentColor.Green },
        { "blue:Ready:v1:0,green:Launching:v2:5", null, DeploymentColor.Blue },
        { "blue:Ready:v1:0,green:Ready::5", null, DeploymentColor.Blue },
        { "blue:Ready:v1:0,green:Ready:v2:5", DeploymentColor.Blue, DeploymentColor.Blue },
        { "blue:Terminating:v1:0,green:Ready:v2:5", DeploymentColor.Blue, DeploymentColor.Green },
        { "blue:Updating:v1:0", null, null },
    };

    [Theory]
    [MemberData(nameof(ActiveCases))]
    public void The_active_colour(string environments, DeploymentColor? release, DeploymentColor? expected)
    {
        var list = environments.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':'))
            .Select(p => Env(p[0], p[1], p[2].Length == 0 ? null : p[2], int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(expected, EnvironmentReport.Active(list, release));
    }

    public static TheoryData<string, bool> HealthCases => new()
    {
        { "same", false },
        { "no previous", true },
        { "no counts", true },
        { "health changed", true },
        { "version changed", true },
        { "not ready", true },
        { "other id", true },
    };

    [Theory]
    [MemberData(nameof(HealthCases))]
    public void Instance_counts_are_read_only_for_an_environment_that_changed(string change, bool needed)
    {
        var environment = Env("blue");
        var previous = EnvironmentReport.Entry(environment, DeploymentColor.Blue, new EbInstanceHealthCounts(2, 0, 0, 0, 0, 0, 0, 0), "arn", true);
        (environment, previous) = change switch
        {
            "no previous" => (environment, null!),
            "no counts" => (environment, EnvironmentReport.Entry(environment, DeploymentColor.Blue, null, "arn", true)),
            "health changed" => (environment with { HealthStatus = "Degraded" }, previous),
            "version changed" => (environment with { VersionLabel = "v2" }, previous),
            "not ready" => (environment with { Status = "Updating" }, previous),
            "other id" => (environment with { Id = "e-other" }, previous),
            _ => (environment, previous),
        };

        Assert.Equal(needed, EnvironmentReport.NeedsHealth(environment, previous));
    }

    [Fact]
    public void Apply_orders_by_colour_and_copies_the_active_ones_version_and_health()
    {
        var status = new BeanstalkAppStatus();
        EnvironmentReport.Apply(status,
        [
            EnvironmentReport.Entry(Env("green", version: "v2", health: "Warning"), DeploymentColor.Green, null, null, true),
            EnvironmentReport.Entry(Env("blue"), DeploymentColor.Blue, null, null, false),
        ]);

        Assert.Equal([DeploymentColor.Blue, DeploymentColor.Green], status.Environments!.Select(e => e.Color));
        Assert.Equal((DeploymentColor.Green, "v2", "Warning"), (status.ActiveColor, status.ActiveVersion, status.ActiveHealth));
    }
}
